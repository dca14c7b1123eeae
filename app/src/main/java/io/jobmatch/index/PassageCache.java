package io.jobmatch.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/**
 * Passages read for highlights, kept between searches. The offers a board's searches return overlap a lot, and
 * reading an offer's passage vectors is the largest part of a search after the model (docs/search-quality.md, "Cost
 * of highlights"). An entry is only served for the same point version in the same collection, so an offer written
 * since, or a rebuilt collection, is read again: the cache never serves passages Qdrant no longer holds.
 */
@Singleton
class PassageCache implements MeterBinder {

    /** A point as one collection held it at one version. */
    record Key(String collection, UUID offerId, long version) {}

    /** Bounds an entry whose collection was replaced by another replica's rebuild, which this one may not notice. */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Cache<Key, OfferPassages> entries;

    PassageCache(PassageSettings settings) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.cacheMib() * 1024L * 1024L)
                .weigher((Key key, OfferPassages passages) -> weight(passages))
                .expireAfterWrite(LIFETIME)
                .recordStats()
                .build();
    }

    /** @return the cached passages, or {@code null}; a hit without version (0) is never cached */
    OfferPassages get(String collection, IndexHit hit) {
        return hit.version() == 0 ? null : entries.getIfPresent(new Key(collection, hit.offerId(), hit.version()));
    }

    void put(String collection, IndexHit hit, OfferPassages passages) {
        if (hit.version() != 0) {
            entries.put(new Key(collection, hit.offerId(), hit.version()), passages);
        }
    }

    /** Roughly the bytes held: the vectors' floats and the texts' chars. */
    private static int weight(OfferPassages passages) {
        long bytes = 64;
        for (int i = 0; i < passages.texts().size(); i++) {
            bytes += 4L * passages.vectors().get(i).length
                    + 2L * passages.texts().get(i).length()
                    + 48;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, "jobmatch.passages");
    }
}
