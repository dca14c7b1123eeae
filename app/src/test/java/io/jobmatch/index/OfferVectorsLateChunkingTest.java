package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.EngineOptions;
import io.jobmatch.embeddings.ModelCatalog;
import io.jobmatch.embeddings.TextSpan;
import io.jobmatch.embeddings.Vectors;
import io.jobmatch.keywords.KeywordSettings;
import io.jobmatch.keywords.Keywords;
import io.jobmatch.offers.Offer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code jobmatch.index.passages.late-chunking} an offer keeps the same passages and the same offer vector, and
 * each passage's vector is pooled from the offer's own forward pass over that passage's characters: the offsets reach
 * the right tokens through the title in front of the description. (Whether a pooled passage is closest to the same
 * passage embedded alone is not asserted: in context it need not be, see docs/search-quality.md.)
 */
class OfferVectorsLateChunkingTest {

    private static EmbeddingEngine engine;

    @BeforeAll
    static void open() {
        // The offline int8 model without batch jitter: one window per call, so both paths see the same forward pass.
        engine = EmbeddingEngine.open(
                ModelCatalog.create(Path.of("target", "no-models")).resolve("e5-small-v2-q", null),
                new EngineOptions(8, 2, 0));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void latePassagesMatchTheirOwnTextsAndTheOfferVectorIsUnchanged() {
        Keywords keywords = new Keywords(new KeywordSettings(1.2, 0.75, 100, 2, List.of("de", "nl"), 0.3));
        OfferVectors late = new OfferVectors(engine, keywords, new PassageSettings(true, 40, true, 0));
        OfferVectors separate = new OfferVectors(engine, keywords, new PassageSettings(true, 40, false, 0));
        Offer offer = Offer.textOnly(
                UUID.randomUUID(), "test", "late-1", "Night nurse, intensive care", """
                - Care for ventilated patients in the intensive care unit at night.
                - Drive the hospital's delivery truck to the warehouse twice a week.
                - Write Java microservices for the patient records system.""", "en", Instant.now());

        IndexedOffer a = late.compute(List.of(offer)).getFirst();
        IndexedOffer b = separate.compute(List.of(offer)).getFirst();

        assertEquals(b.passages().texts(), a.passages().texts());
        assertEquals(3, a.passages().texts().size());
        assertArrayEquals(b.vector(), a.vector(), 1e-6f);
        // The spans found by hand in the text the model reads (title, line break, description) pool the same tokens.
        String text = offer.searchableText();
        List<TextSpan> spans = a.passages().texts().stream()
                .map(passage -> new TextSpan(text.indexOf(passage), text.indexOf(passage) + passage.length()))
                .toList();
        List<float[]> expected = engine.embedDocumentsWithSpans(List.of(text), List.of(spans))
                .getFirst()
                .spanVectors();
        for (int i = 0; i < 3; i++) {
            float[] pooled = a.passages().vectors().get(i);
            assertEquals(1.0, Vectors.dot(pooled, pooled), 1e-5);
            assertArrayEquals(expected.get(i), pooled, 1e-6f, "passage " + i);
        }
    }
}
