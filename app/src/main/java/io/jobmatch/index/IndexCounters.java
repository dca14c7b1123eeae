package io.jobmatch.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * What this replica's indexing workers did: index tasks Qdrant acknowledged, by action, and failed attempts
 * ({@code jobmatch_index_tasks_total{outcome}}).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class IndexCounters {

    private final Counter upserted;
    private final Counter deleted;
    private final Counter failed;

    IndexCounters(MeterRegistry registry) {
        this.upserted = counter(registry, "upserted");
        this.deleted = counter(registry, "deleted");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("jobmatch.index.tasks")
                .description("index tasks of this replica's workers: offers upserted or deleted in Qdrant, and "
                        + "failed attempts (retried with backoff)")
                .tag("outcome", outcome)
                .register(registry);
    }

    void done(int upserts, int deletes) {
        upserted.increment(upserts);
        deleted.increment(deletes);
    }

    void failed(int tasks) {
        failed.increment(tasks);
    }
}
