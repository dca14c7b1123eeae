package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    private EmbeddingEngine engine;

    @BeforeEach
    void open() {
        engine = TestModels.openOffline(3);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void repeatingATextIsAHitWithTheSameVector() {
        TextEmbedding first = engine.embedDocument("Forklift operator, night shift, Utrecht.");
        TextEmbedding second = engine.embedDocument("Forklift operator, night shift, Utrecht.");

        assertArrayEquals(first.vector(), second.vector());
        assertEquals(first.tokens(), second.tokens());
        assertEquals(new CacheStats(1, 1, 1, 3), engine.cacheStats());
    }

    @Test
    void queryAndPassageOfOneTextAreDifferentEntries() {
        engine.embedDocument("Pharmacist in Porto");
        engine.embedQuery("Pharmacist in Porto");

        assertEquals(new CacheStats(0, 2, 2, 3), engine.cacheStats());
    }

    @Test
    void batchesUseAndFillTheCache() {
        engine.embedDocument("Carpenter");
        List<TextEmbedding> batch = engine.embedDocuments(List.of("Carpenter", "Plumber", "Carpenter"));

        // Both occurrences of "Carpenter" in the batch are hits; only "Plumber" is computed, then cached.
        assertEquals(2, engine.cacheStats().hits());
        assertArrayEquals(batch.get(0).vector(), batch.get(2).vector());
        engine.embedDocument("Plumber");
        assertEquals(3, engine.cacheStats().hits());
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvicted() {
        engine.embedDocument("one");
        engine.embedDocument("two");
        engine.embedDocument("three");
        engine.embedDocument("one"); // hit: "two" is now the least recently used
        engine.embedDocument("four"); // evicts "two"

        engine.embedDocument("two"); // miss
        engine.embedDocument("one"); // hit

        CacheStats stats = engine.cacheStats();
        assertEquals(2, stats.hits());
        assertEquals(5, stats.misses());
        assertEquals(3, stats.size());
    }

    @Test
    void changingAReturnedVectorDoesNotChangeTheCache() {
        TextEmbedding first = engine.embedQuery("Graphic designer");
        float original = first.vector()[0];
        first.vector()[0] = 42f;

        assertEquals(original, engine.embedQuery("Graphic designer").vector()[0]);
    }

    @Test
    void aZeroSizedCacheIsOff() {
        try (EmbeddingEngine uncached = TestModels.openOffline(0)) {
            uncached.embedDocument("Accountant");
            uncached.embedDocument("Accountant");

            assertEquals(new CacheStats(0, 0, 0, 0), uncached.cacheStats());
            assertFalse(uncached.cacheStats().hitRate() > 0);
        }
    }
}
