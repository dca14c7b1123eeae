package io.jobmatch.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * What searches read of the points they rank, kept between searches: each result's passages (for highlights) and, when
 * duplicates are folded, each candidate's dense vector. The offers a board's searches return overlap a lot, and every
 * read is a Qdrant call a search waits for after the model (docs/search-quality.md, "Cost of highlights").
 */
@Singleton
class PointCache implements MeterBinder {

    /**
     * Dense vectors kept: 6 MiB at 384 dimensions, about a day's distinct top candidates of a small board. Unlike the
     * passages, a miss costs little (one vector per offer), so this is not an operator's setting.
     */
    static final int VECTOR_MIB = 6;

    private final VersionedCache<OfferPassages> passages;
    private final VersionedCache<float[]> vectors;

    PointCache(PassageSettings settings) {
        this.passages =
                new VersionedCache<>("jobmatch.passages", settings.cacheMib() * 1024L * 1024L, PointCache::weight);
        this.vectors =
                new VersionedCache<>("jobmatch.vectors", VECTOR_MIB * 1024L * 1024L, vector -> 4 * vector.length + 64);
    }

    VersionedCache<OfferPassages> passages() {
        return passages;
    }

    VersionedCache<float[]> vectors() {
        return vectors;
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
        passages.bindTo(registry);
        vectors.bindTo(registry);
    }
}
