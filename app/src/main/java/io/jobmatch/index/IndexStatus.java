package io.jobmatch.index;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where the index stands against PostgreSQL ({@code GET /api/index/status}).
 *
 * @param offers               offers stored in PostgreSQL
 * @param indexed              offers whose current version is in the collection (no task waits for them)
 * @param pending              tasks waiting to be done or retried (upserts and deletes)
 * @param failed               tasks that used up their attempts; {@code POST /api/index/retry-failed} re-drives them
 * @param oldestPendingSeconds seconds since the oldest change still pending was written (0 when none is)
 * @param collection           the Qdrant collection searched
 * @param model                the embedding model that computes the vectors
 */
@Serdeable
public record IndexStatus(
        long offers,
        long indexed,
        long pending,
        long failed,
        double oldestPendingSeconds,
        String collection,
        String model) {}
