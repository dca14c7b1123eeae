package io.jobmatch.model;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/** The embedding cache's hits, misses and hit ratio since the engine opened, read from the engine at each scrape. */
@Singleton
class EmbeddingCacheMetrics implements MeterBinder {

    /** Looked up at scrape time: the engine's queue needs the registry this binder is bound to while it is made. */
    private final BeanProvider<EmbeddingEngine> engine;

    EmbeddingCacheMetrics(BeanProvider<EmbeddingEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(
                        "jobmatch.embedding.cache.hits",
                        engine,
                        e -> e.get().cacheStats().hits())
                .description("embeddings answered from the cache")
                .register(registry);
        FunctionCounter.builder(
                        "jobmatch.embedding.cache.misses",
                        engine,
                        e -> e.get().cacheStats().misses())
                .description("embeddings the model had to compute")
                .register(registry);
        Gauge.builder(
                        "jobmatch.embedding.cache.hit.ratio",
                        engine,
                        e -> e.get().cacheStats().hitRate())
                .description("hits / (hits + misses) since start")
                .register(registry);
    }
}
