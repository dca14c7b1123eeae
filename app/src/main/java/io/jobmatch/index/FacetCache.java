package io.jobmatch.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Facet counts kept for a few seconds per filter. Every search of a language asks for the same three counts, and on a
 * small machine counting them in Qdrant competes with the model for the cores while the CV is embedded (bench-serve:
 * the model's stage 20 ms slower than the bare model with the counts, equal without). This replica's own index
 * writes clear the cache at once, so a write it acknowledged and indexed is counted by its next search; another
 * replica's writes show within {@link #LIFETIME}, about the lag of the index queue itself.
 */
@Singleton
class FacetCache implements MeterBinder {

    /** The filter as one collection answers it: a rebuilt collection is counted again. */
    private record Key(String collection, IndexFilter filter) {}

    static final Duration LIFETIME = Duration.ofSeconds(5);

    private final Cache<Key, OfferFacets> entries = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(LIFETIME)
            .recordStats()
            .build();

    OfferFacets get(String collection, IndexFilter filter, Supplier<OfferFacets> count) {
        return entries.get(new Key(collection, filter), key -> count.get());
    }

    /** After a write to the index: counts read before it may be wrong now. */
    void clear() {
        entries.invalidateAll();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, "jobmatch.facets");
    }
}
