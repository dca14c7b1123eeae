package io.jobmatch.index;

/** A rebuild was asked for while one runs: one at a time, so the second request is refused, not queued. */
public class ReindexRunningException extends RuntimeException {

    private final transient Reindex running;

    public ReindexRunningException(Reindex running) {
        super("A reindex into " + running.collection() + " is already running (" + running.offersWritten()
                + " offers written)");
        this.running = running;
    }

    public Reindex running() {
        return running;
    }
}
