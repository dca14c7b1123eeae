package io.jobmatch.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** A rebuild's progress as metrics: whether one runs, and how many offers it has written into the new generation. */
@Singleton
@Requires(notEnv = Environment.CLI)
class ReindexMetrics implements MeterBinder {

    /** Looked up at scrape time, as the backlog's metrics are: binders are bound before the index's beans exist. */
    private final BeanProvider<Reindexer> reindexer;

    ReindexMetrics(BeanProvider<Reindexer> reindexer) {
        this.reindexer = reindexer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "jobmatch.index.reindex.running",
                        reindexer,
                        provider -> provider.get().running().isPresent() ? 1 : 0)
                .description("1 while the offers' collection is rebuilt into a new generation, else 0")
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "jobmatch.index.reindex.offers",
                        reindexer,
                        provider -> provider.get()
                                .running()
                                .map(Reindex::offersWritten)
                                .orElse(0L))
                .description("offers written into the generation being built (0 when none is)")
                .strongReference(true)
                .register(registry);
    }
}
