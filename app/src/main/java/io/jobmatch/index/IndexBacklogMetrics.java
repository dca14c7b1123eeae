package io.jobmatch.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * The indexing queue as metrics, read from PostgreSQL at each scrape: the tasks waiting (queue depth), how long the
 * oldest pending change has waited (the index's lag behind the system of record), and the failed tasks.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class IndexBacklogMetrics implements MeterBinder {

    /** Looked up at scrape time: binders are bound while the registry is made, before the data source may exist. */
    private final BeanProvider<IndexQueue> queue;

    IndexBacklogMetrics(BeanProvider<IndexQueue> queue) {
        this.queue = queue;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "jobmatch.index.backlog",
                        queue,
                        provider -> provider.get().pendingCount())
                .description("index tasks (offer upserts and deletes) waiting to be done or retried")
                .strongReference(true)
                .register(registry);
        Gauge.builder("jobmatch.index.lag", queue, provider -> provider.get().oldestPendingAgeSeconds())
                .description("seconds since the oldest change still waiting to be indexed was written (0 when none)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        Gauge.builder("jobmatch.index.failed", queue, provider -> provider.get().failedCount())
                .description("index tasks that used up their attempts; POST /api/index/retry-failed re-drives them")
                .strongReference(true)
                .register(registry);
    }
}
