package io.jobmatch.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What this replica's index workers did: tasks done by outcome ({@code jobmatch_index_tasks_total{outcome}}), and the
 * time of each pipeline stage per batch ({@code jobmatch_index_stage_seconds{stage}}: {@code read} claims and reads,
 * {@code embed} computes the vectors, {@code write} upserts and acknowledges). The stages overlap, so their sums
 * exceed the wall time when the pipeline does its job, and {@code embed} approaches it when the model is never idle.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class IndexWorkMetrics {

    enum Stage {
        READ,
        EMBED,
        WRITE
    }

    private final Counter upserted;
    private final Counter deleted;
    private final Counter failed;
    private final Timer[] stages = new Timer[Stage.values().length];

    IndexWorkMetrics(MeterRegistry registry) {
        this.upserted = counter(registry, "upserted");
        this.deleted = counter(registry, "deleted");
        this.failed = counter(registry, "failed");
        for (Stage stage : Stage.values()) {
            stages[stage.ordinal()] = Timer.builder("jobmatch.index.stage")
                    .description("time of one index batch in a stage of the worker pipeline: read (claim and read "
                            + "the offers), embed (compute the vectors), write (upsert, delete, acknowledge)")
                    .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
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

    void took(Stage stage, long startedNanos) {
        stages[stage.ordinal()].record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
