package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Late chunking on the offline model: span vectors pooled from the document's own forward pass. */
class LateChunkingTest {

    /** Three sentences far apart in meaning, so a span pooled from the wrong tokens shows. */
    private static final List<String> TOPICS = List.of(
            "Night nurse for the intensive care unit, caring for ventilated patients.",
            "Backend developer writing Java microservices with Spring Boot and Kafka.",
            "Truck driver delivering building materials to construction sites at dawn.");

    private static EmbeddingEngine engine;

    @BeforeAll
    static void open() {
        engine = TestModels.openOffline(0);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void spanVectorsAreNormalisedOnePerSpanAndTheDocumentVectorIsUnchanged() {
        String text = String.join("\n", TOPICS);
        List<TextSpan> spans = spansOf(text, TOPICS);

        SpannedEmbedding result =
                engine.embedDocumentsWithSpans(List.of(text), List.of(spans)).getFirst();

        assertEquals(3, result.spanVectors().size());
        for (float[] vector : result.spanVectors()) {
            assertEquals(engine.dimension(), vector.length);
            assertEquals(1.0, Vectors.dot(vector, vector), 1e-5);
        }
        // The offline engine sends one window per call, so the forward pass is the very one embedDocument makes.
        assertArrayEquals(engine.embedDocument(text).vector(), result.document().vector(), 1e-6f);
    }

    @Test
    void eachSpanIsClosestToItsOwnSentenceEvenInALongDocument() {
        // About 1,900 tokens of filler: four windows; the topics sit at the start, in the middle and at the end.
        String filler = SyntheticCorpus.cv(7, 700);
        String text = TOPICS.get(0) + "\n" + filler + "\n" + TOPICS.get(1) + "\n" + filler + "\n" + TOPICS.get(2);
        List<TextSpan> spans = spansOf(text, TOPICS);

        SpannedEmbedding result =
                engine.embedDocumentsWithSpans(List.of(text), List.of(spans)).getFirst();

        assertTrue(
                result.document().chunks() >= 4, "windows: " + result.document().chunks());
        List<float[]> alone =
                TOPICS.stream().map(t -> engine.embedQuery(t).vector()).toList();
        for (int s = 0; s < TOPICS.size(); s++) {
            double own = Vectors.dot(result.spanVectors().get(s), alone.get(s));
            for (int other = 0; other < TOPICS.size(); other++) {
                if (other != s) {
                    double theirs = Vectors.dot(result.spanVectors().get(s), alone.get(other));
                    assertTrue(own > theirs + 0.02, "span " + s + ": own " + own + ", topic " + other + " " + theirs);
                }
            }
        }
    }

    @Test
    void aSpanAcrossAWindowEdgeIsPooledFromTheWindowHoldingMostOfIt() {
        String text = SyntheticCorpus.cv(3, 900);
        TokenizedText tokens = engine.tokenizer().tokenize(text);
        int capacity = engine.windowCapacity(TextKind.DOCUMENT);
        List<TokenRange> windows = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(tokens, capacity);
        assertTrue(windows.size() >= 2, "windows: " + windows.size());
        // Tokens from 40 before the first window's end to 60 after it: more of them lie in the second window, which
        // starts at most 64 tokens before that end.
        int edge = windows.getFirst().to();
        TextSpan across = new TextSpan(tokens.starts()[edge - 40], tokens.ends()[edge + 59]);

        TokenRange mapped = EmbeddingEngine.tokensOf(tokens, across, 0);

        assertEquals(new TokenRange(edge - 40, edge + 60), mapped);
        SpannedEmbedding result = engine.embedDocumentsWithSpans(List.of(text), List.of(List.of(across)))
                .getFirst();
        assertEquals(
                1.0,
                Vectors.dot(
                        result.spanVectors().getFirst(), result.spanVectors().getFirst()),
                1e-5);
    }

    @Test
    void aSpanMapsToTheTokensOverlappingItsCharacters() {
        String text = "Senior Java developer in Lyon. Kotlin welcome.";
        TokenizedText tokens = engine.tokenizer().tokenize(text);
        int start = text.indexOf("Kotlin");

        TokenRange mapped = EmbeddingEngine.tokensOf(tokens, new TextSpan(start, text.length()), 0);

        assertEquals(tokens.size(), mapped.to(), "up to the last token");
        assertEquals(start, tokens.starts()[mapped.from()], "from the first token of 'Kotlin'");
        assertTrue(tokens.ends()[mapped.from() - 1] <= start, "the token before ends before the span");
    }

    @Test
    void theSameInputGivesTheSameVectors() {
        List<String> texts = List.of(String.join("\n", TOPICS), SyntheticCorpus.offer(5));
        List<List<TextSpan>> spans = List.of(
                spansOf(texts.get(0), TOPICS),
                List.of(new TextSpan(0, 20), new TextSpan(20, texts.get(1).length())));

        List<SpannedEmbedding> first = engine.embedDocumentsWithSpans(texts, spans);
        List<SpannedEmbedding> second = engine.embedDocumentsWithSpans(texts, spans);

        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(
                    first.get(i).document().vector(), second.get(i).document().vector());
            for (int s = 0; s < spans.get(i).size(); s++) {
                assertArrayEquals(
                        first.get(i).spanVectors().get(s),
                        second.get(i).spanVectors().get(s));
            }
        }
    }

    @Test
    void spansOutsideTheTextOrWithoutTokensAreRejected() {
        String text = "Java developer,    Lyon";
        int gap = text.indexOf("   ");
        assertThrows(
                IllegalArgumentException.class,
                () -> engine.embedDocumentsWithSpans(List.of(text), List.of(List.of(new TextSpan(0, 99)))));
        assertThrows(
                IllegalArgumentException.class,
                () -> engine.embedDocumentsWithSpans(List.of(text), List.of(List.of(new TextSpan(gap, gap + 3)))));
        assertThrows(IllegalArgumentException.class, () -> engine.embedDocumentsWithSpans(List.of(text), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TextSpan(3, 3));
    }

    private static List<TextSpan> spansOf(String text, List<String> parts) {
        List<TextSpan> spans = new ArrayList<>();
        for (String part : parts) {
            int at = text.indexOf(part);
            spans.add(new TextSpan(at, at + part.length()));
        }
        return spans;
    }
}
