package io.jobmatch.index;

/**
 * A rebuild was asked for while one runs, in this process or another replica: one at a time, so the second request is
 * refused, not queued.
 */
public class ReindexRunningException extends RuntimeException {

    public ReindexRunningException(String message) {
        super(message);
    }
}
