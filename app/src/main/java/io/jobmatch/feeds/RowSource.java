package io.jobmatch.feeds;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one file, read one at a time from a stream: the file is never held whole in memory (an HTML page, one
 * document, is the exception). A row that cannot be read comes back as an invalid row; an {@link IOException} means
 * the file itself cannot be read any further.
 */
interface RowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    FeedRow next() throws IOException;

    /** Rows already read (an HTML page's, or the one error that stops a file at its start). */
    static RowSource of(List<FeedRow> rows) {
        Iterator<FeedRow> remaining = rows.iterator();
        return new RowSource() {
            @Override
            public FeedRow next() {
                return remaining.hasNext() ? remaining.next() : null;
            }

            @Override
            public void close() {}
        };
    }
}
