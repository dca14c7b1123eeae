package io.jobmatch.feeds;

/** Told how far an import is after each row: rows read so far, and bytes of the files read so far. */
public interface ImportProgress extends AutoCloseable {

    void update(long rows, long bytesRead);

    /** Draws the final state and stops drawing. */
    @Override
    void close();
}
