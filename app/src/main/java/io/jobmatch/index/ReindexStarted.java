package io.jobmatch.index;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to {@code POST /api/index/reindex}: the rebuild runs in the background.
 *
 * @param collection the new generation being built
 * @param replacing  the collection that keeps answering searches until the alias moves, then is deleted
 */
@Serdeable
public record ReindexStarted(String status, String collection, String replacing) {

    static ReindexStarted of(Reindex reindex) {
        return new ReindexStarted("building", reindex.collection(), reindex.replacing());
    }
}
