package io.jobmatch.feeds;

/** An error that stops the whole import: the service unreachable or refusing the key, a file that cannot be read. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
