package io.jobmatch.embeddings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Least-recently-used embeddings, keyed by model, text kind and SHA-256 of the text, so re-ingesting an unchanged
 * offer or repeating a search costs a hash instead of a model call. A lock is enough: a lookup takes microseconds
 * next to the milliseconds of a model call. Entries are copied in and out because callers own their vectors.
 */
final class EmbeddingCache {

    record Key(String model, TextKind kind, String textSha256) {}

    private final int capacity;
    private final Map<Key, TextEmbedding> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    EmbeddingCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TextEmbedding> eldest) {
                return size() > EmbeddingCache.this.capacity;
            }
        };
    }

    boolean enabled() {
        return capacity > 0;
    }

    Key key(String model, TextKind kind, String text) {
        return new Key(model, kind, Sha256.of(text));
    }

    /** @return a copy of the cached embedding, or {@code null} */
    TextEmbedding get(Key key) {
        TextEmbedding found;
        synchronized (entries) {
            found = entries.get(key);
        }
        (found == null ? misses : hits).incrementAndGet();
        return found == null ? null : found.copy();
    }

    void put(Key key, TextEmbedding embedding) {
        TextEmbedding copy = embedding.copy();
        synchronized (entries) {
            entries.put(key, copy);
        }
    }

    CacheStats stats() {
        int size;
        synchronized (entries) {
            size = entries.size();
        }
        return new CacheStats(hits.get(), misses.get(), size, capacity);
    }
}
