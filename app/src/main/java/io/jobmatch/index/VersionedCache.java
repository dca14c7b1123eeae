package io.jobmatch.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Something a search read of a point, kept for that point's version in that collection: an offer written since gets a
 * new version, and a rebuilt collection another name, so an entry is never served for a point Qdrant no longer holds.
 *
 * @param <V> what was read
 */
final class VersionedCache<V> {

    /** A point as one collection held it at one version. */
    record Key(String collection, UUID offerId, long version) {}

    /** Bounds an entry whose collection was replaced by another replica's rebuild, which this one may not notice. */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final String name;
    private final Cache<Key, V> entries;

    /** @param bytes the value's approximate size, which the cache's {@code maxBytes} bounds */
    VersionedCache(String name, long maxBytes, ToIntFunction<V> bytes) {
        this.name = name;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, V value) -> bytes.applyAsInt(value))
                .expireAfterWrite(LIFETIME)
                .recordStats()
                .build();
    }

    /** @return the value read at this hit's version, or {@code null}; a hit without version (0) is never cached */
    private V get(String collection, IndexHit hit) {
        return hit.version() == 0 ? null : entries.getIfPresent(new Key(collection, hit.offerId(), hit.version()));
    }

    private void put(String collection, IndexHit hit, V value) {
        if (hit.version() != 0) {
            entries.put(new Key(collection, hit.offerId(), hit.version()), value);
        }
    }

    /**
     * What was read of these hits: from memory where it was read at the same version, the others by {@code read} in
     * one call (none when all are kept), and kept.
     *
     * @param read what Qdrant holds of these offers; an offer it holds nothing of is absent, and absent from the answer
     */
    Map<UUID, V> getAll(String collection, Collection<IndexHit> hits, Function<Set<UUID>, Map<UUID, V>> read) {
        Map<UUID, V> found = new HashMap<>();
        Map<UUID, IndexHit> missing = new HashMap<>();
        for (IndexHit hit : hits) {
            V cached = get(collection, hit);
            if (cached != null) {
                found.put(hit.offerId(), cached);
            } else {
                missing.put(hit.offerId(), hit);
            }
        }
        read.apply(missing.keySet()).forEach((offerId, value) -> {
            found.put(offerId, value);
            put(collection, missing.get(offerId), value);
        });
        return found;
    }

    /** Micrometer's Caffeine meters ({@code cache_gets_total{cache=name}}, size, evictions). */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, name);
    }
}
