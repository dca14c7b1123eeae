package io.jobmatch.feeds;

/**
 * Told how far an import is after each row and each chunk: rows read, rows done (answered by the service, or refused
 * here), and bytes of the files read, from which the number of rows to come is estimated.
 */
public interface ImportProgress extends AutoCloseable {

    void update(long rowsRead, long rowsDone, long bytesRead);

    /** The rows the files hold, estimated from those read in the share of the bytes read so far. */
    static long estimatedRows(long rowsRead, long bytesRead, long totalBytes) {
        if (bytesRead <= 0 || totalBytes <= 0) {
            return rowsRead;
        }
        return Math.max(rowsRead, Math.round(rowsRead * (double) totalBytes / bytesRead));
    }

    /** Draws the final state and stops drawing. */
    @Override
    void close();
}
