package io.jobmatch.embeddings;

/** Counters of an engine's embedding cache since it opened. */
public record CacheStats(long hits, long misses, long size, long capacity) {

    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
