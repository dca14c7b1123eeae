package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batching on a float32 model, whose vectors must not depend on what they are batched with, and on the int8 offline
 * model when batch jitter is accepted.
 */
class BatchingTest {

    @Test
    void batchedResultsEqualOneByOneResults() {
        List<String> texts = new ArrayList<>(SyntheticCorpus.mixed(15, 400));
        texts.add("Nurse");
        try (EmbeddingEngine engine = EmbeddingEngine.open(TestModels.float32(), new EngineOptions(8, 2, 0))) {
            assertTrue(engine.batchInvariant());

            List<TextEmbedding> batched = engine.embedDocuments(texts);

            assertTrue(batched.stream().anyMatch(e -> e.chunks() > 1), "some texts span several windows");
            for (int i = 0; i < texts.size(); i++) {
                TextEmbedding single = engine.embedDocument(texts.get(i));
                assertEquals(single.tokens(), batched.get(i).tokens(), "tokens of text " + i);
                assertEquals(single.chunks(), batched.get(i).chunks(), "chunks of text " + i);
                assertArrayEquals(single.vector(), batched.get(i).vector(), 1e-5f, "vector of text " + i);
            }
        }
    }

    @Test
    void batchSizeDoesNotChangeResults() {
        List<String> texts = SyntheticCorpus.mixed(10, 300);
        try (EmbeddingEngine one = EmbeddingEngine.open(TestModels.float32(), new EngineOptions(1, 2, 0));
                EmbeddingEngine many = EmbeddingEngine.open(TestModels.float32(), new EngineOptions(32, 2, 0))) {
            List<TextEmbedding> a = one.embedDocuments(texts);
            List<TextEmbedding> b = many.embedDocuments(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(a.get(i).vector(), b.get(i).vector(), 1e-5f, "text " + i);
            }
        }
    }

    @Test
    void theOfflineModelBatchedWithJitterStaysWithinTheBound() {
        List<String> texts = SyntheticCorpus.mixed(12, 300);
        try (EmbeddingEngine exact = EmbeddingEngine.open(TestModels.offline(), new EngineOptions(16, 2, 0));
                EmbeddingEngine batched =
                        EmbeddingEngine.open(TestModels.offline(), new EngineOptions(16, 2, 0, true))) {
            assertEquals(1, exact.rowsPerCall());
            assertEquals(16, batched.rowsPerCall());
            List<TextEmbedding> a = exact.embedDocuments(texts);
            List<TextEmbedding> b = batched.embedDocuments(texts);
            double lowest = 1;
            for (int i = 0; i < texts.size(); i++) {
                lowest =
                        Math.min(lowest, Vectors.dot(a.get(i).vector(), b.get(i).vector()));
            }
            // README, "Batch jitter": up to about 0.003 in cosine; the bound leaves room for other texts.
            assertTrue(lowest > 0.99, "lowest cosine between exact and batched: " + lowest);
        }
    }

    /**
     * A search's CV spans several windows; with jitter accepted for indexing, they are still sent one per call, so a
     * query's vector is the exact one (and its shorter window is not padded to the longer one's length).
     */
    @Test
    void aLongQueryIsEmbeddedExactlyEvenWithJitterAccepted() {
        String cv = SyntheticCorpus.cv(7L, 700);
        try (EmbeddingEngine exact = EmbeddingEngine.open(TestModels.offline(), new EngineOptions(16, 2, 0));
                EmbeddingEngine batched =
                        EmbeddingEngine.open(TestModels.offline(), new EngineOptions(16, 2, 0, true))) {
            TextEmbedding a = exact.embedQuery(cv);
            TextEmbedding b = batched.embedQuery(cv);
            assertTrue(a.chunks() > 1, "the CV spans several windows: " + a.chunks());
            assertArrayEquals(a.vector(), b.vector());
        }
    }
}
