package io.jobmatch.index;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rebuild of the offers' collection: the generation it builds and the one it replaces.
 *
 * @param collection the generation being built
 * @param replacing  the collection served while it is built, deleted once the alias has moved
 * @param reason     why it runs (the endpoint, or the model or layout change found at startup), for the logs
 */
public record Reindex(String collection, String replacing, String reason, Instant started, AtomicLong written) {

    static Reindex of(String collection, String replacing, String reason) {
        return new Reindex(collection, replacing, reason, Instant.now(), new AtomicLong());
    }

    /** Offers read from PostgreSQL and written into the new generation so far. */
    public long offersWritten() {
        return written.get();
    }
}
