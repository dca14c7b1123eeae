package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingEngineTest {

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
    void vectorsHaveTheManifestDimensionAndUnitLength() {
        TextEmbedding embedding = engine.embedDocument("Senior Java developer, Micronaut and PostgreSQL, Lyon.");

        assertEquals(384, engine.dimension());
        assertEquals(384, embedding.vector().length);
        assertEquals(1.0, Vectors.dot(embedding.vector(), embedding.vector()), 1e-5);
        assertEquals(1, embedding.chunks());
        assertTrue(embedding.tokens() > 5, "tokens: " + embedding.tokens());
    }

    @Test
    void aTranslationIsCloserThanAnUnrelatedText() {
        TextEmbedding english =
                engine.embedQuery("Senior Java software engineer: microservices, Kubernetes, PostgreSQL.");
        TextEmbedding french =
                engine.embedDocument("Ingénieur logiciel Java senior : microservices, Kubernetes, PostgreSQL.");
        TextEmbedding unrelated =
                engine.embedDocument("Boulanger pâtissier pour notre boulangerie de village, pain frais chaque matin.");

        double paraphrase = english.similarity(french);
        double other = english.similarity(unrelated);
        assertTrue(paraphrase > other + 0.05, "paraphrase " + paraphrase + " vs unrelated " + other);
    }

    @Test
    void emptyAndWhitespaceOnlyTextsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> engine.embedQuery(""));
        assertThrows(IllegalArgumentException.class, () -> engine.embedDocument(" \n\t "));
        IllegalArgumentException inBatch = assertThrows(
                IllegalArgumentException.class, () -> engine.embedDocuments(List.of("a real offer", "   ")));
        assertTrue(inBatch.getMessage().contains("text 1"), inBatch.getMessage());
    }

    @Test
    void textsLongerThanTheLimitAreRejected() {
        String tooLong = "word ".repeat(EmbeddingEngine.MAX_TEXT_CHARS / 5 + 1);

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> engine.embedDocument(tooLong));

        assertTrue(error.getMessage().contains(String.valueOf(EmbeddingEngine.MAX_TEXT_CHARS)), error.getMessage());
    }

    @Test
    void queriesAndPassagesCarryTheirManifestPrefix() throws IOException {
        String text = "Data engineer with Spark and Airflow";
        TokenizedText tokens = engine.tokenizer().tokenize(text);

        long[] queryWindow = engine.tokenizer().window(TextKind.QUERY, tokens, 0, tokens.size());
        long[] passageWindow = engine.tokenizer().window(TextKind.DOCUMENT, tokens, 0, tokens.size());

        // Exactly what the tokenizer itself produces, with its own template, for the prefixed text.
        try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(
                getClass().getClassLoader().getResourceAsStream("e5-small-v2-q-tokenizer.json"), Map.of())) {
            assertArrayEquals(reference.encode("query: " + text).getIds(), queryWindow);
            assertArrayEquals(reference.encode("passage: " + text).getIds(), passageWindow);
        }
        double crossKind = engine.embedQuery(text).similarity(engine.embedDocument(text));
        assertTrue(crossKind < 0.999, "query and passage embeddings must differ, similarity " + crossKind);
    }

    @Test
    void prefixesComeFromTheManifest() {
        ResolvedModel offline = TestModels.offline();
        ModelManifest m = offline.manifest();
        ModelManifest unprefixed = new ModelManifest(
                m.name(),
                m.description(),
                m.dimension(),
                m.pooling(),
                "",
                "",
                m.maxTokens(),
                m.multilingual(),
                m.languages(),
                m.licence(),
                m.source(),
                m.files());
        String text = "Night nurse, intensive care unit";

        try (EmbeddingEngine withoutPrefixes = EmbeddingEngine.open(
                new ResolvedModel(unprefixed, offline.modelDir(), false, "test"), engine.options())) {
            assertArrayEquals(
                    engine.embedQuery(text).vector(),
                    withoutPrefixes.embedQuery("query: " + text).vector(),
                    1e-5f);
            assertArrayEquals(
                    engine.embedDocument(text).vector(),
                    withoutPrefixes.embedDocument("passage: " + text).vector(),
                    1e-5f);
        }
    }

    @Test
    void batchResultsEqualOneByOneResults() {
        List<String> texts = List.of(
                "Java developer",
                "Infirmier de nuit en service de réanimation, CDI, Lyon.",
                "We are hiring a backend engineer to build payment APIs in Kotlin and Java. You will own services end "
                        + "to end, from design to production, and mentor two junior engineers.",
                "Chef de partie",
                "Data analyst: SQL, Python, dashboards for the sales team.");

        List<TextEmbedding> batched = engine.embedDocuments(texts);

        // The offline model is dynamically quantised: the engine must notice and stop batching to stay exact.
        assertFalse(engine.batchInvariant());

        for (int i = 0; i < texts.size(); i++) {
            TextEmbedding single = engine.embedDocument(texts.get(i));
            assertEquals(single.tokens(), batched.get(i).tokens());
            assertArrayEquals(single.vector(), batched.get(i).vector(), 1e-5f, "text " + i);
        }
    }
}
