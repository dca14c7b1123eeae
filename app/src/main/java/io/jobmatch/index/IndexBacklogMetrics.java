package io.jobmatch.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * The index's to-do list as metrics, read from PostgreSQL at each scrape: how many offers wait to be indexed, and how
 * long the oldest has waited (the index's lag behind the system of record).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class IndexBacklogMetrics implements MeterBinder {

    /** Looked up at scrape time: binders are bound while the registry is made, before the data source may exist. */
    private final BeanProvider<IndexBacklog> backlog;

    IndexBacklogMetrics(BeanProvider<IndexBacklog> backlog) {
        this.backlog = backlog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "jobmatch.index.backlog",
                        backlog,
                        provider -> provider.get().pendingCount())
                .description("offers stored in PostgreSQL whose current version is not in Qdrant yet")
                .strongReference(true)
                .register(registry);
        Gauge.builder("jobmatch.index.lag", backlog, provider -> provider.get().oldestPendingAgeSeconds())
                .description("seconds since the oldest offer still waiting to be indexed was written (0 when none)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }
}
