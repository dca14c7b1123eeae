package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChunkingTest {

    private static EmbeddingEngine engine;
    private static ModelTokenizer tokenizer;
    private static int capacity;

    @BeforeAll
    static void open() {
        engine = TestModels.openOffline(0);
        tokenizer = engine.tokenizer();
        capacity = engine.windowCapacity(TextKind.DOCUMENT);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** "work" is one token in the e5 vocabulary, so n words are n tokens. */
    private static String words(int count) {
        return "work ".repeat(count).strip();
    }

    @Test
    void windowCapacityLeavesRoomForSpecialTokensAndPrefix() {
        // [CLS] passage : ... [SEP]
        assertEquals(512 - 4, capacity);
        assertEquals(512 - 4, engine.windowCapacity(TextKind.QUERY));
    }

    @Test
    void aTextOfExactlyTheWindowIsOneChunkFillingTheModel() {
        TokenizedText text = tokenizer.tokenize(words(capacity));
        assertEquals(capacity, text.size());

        List<TokenRange> ranges = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(text, capacity);
        TextEmbedding embedding = engine.embedDocument(text.text());

        assertEquals(List.of(new TokenRange(0, capacity)), ranges);
        assertEquals(512, tokenizer.window(TextKind.DOCUMENT, text, 0, capacity).length);
        assertEquals(1, embedding.chunks());
        assertEquals(capacity, embedding.tokens());
    }

    @Test
    void oneTokenMoreNeedsASecondChunkAndNothingIsLost() {
        TokenizedText text = tokenizer.tokenize(words(capacity + 1));

        List<TokenRange> ranges = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(text, capacity);
        TextEmbedding embedding = engine.embedDocument(text.text());

        assertEquals(2, ranges.size());
        assertEquals(0, ranges.getFirst().from());
        assertEquals(capacity + 1, ranges.getLast().to());
        assertTrue(ranges.getLast().from() < ranges.getFirst().to(), "windows overlap: " + ranges);
        assertEquals(2, embedding.chunks());
        assertEquals(capacity + 1, embedding.tokens());
    }

    @Test
    void aHugeTextIsCoveredByWindowsThatFitAndCutAtSentenceEnds() {
        String text = SyntheticCorpus.cv(7, 3_200);
        assertTrue(
                text.length() > EmbeddingEngine.MAX_TEXT_CHARS - 2_000
                        && text.length() <= EmbeddingEngine.MAX_TEXT_CHARS,
                "length " + text.length());
        TokenizedText tokens = tokenizer.tokenize(text);

        List<TokenRange> ranges = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(tokens, capacity);

        assertEquals(0, ranges.getFirst().from());
        assertEquals(tokens.size(), ranges.getLast().to());
        for (int i = 0; i < ranges.size(); i++) {
            TokenRange range = ranges.get(i);
            assertTrue(range.length() <= capacity, "window " + i + " too long: " + range);
            if (i > 0) {
                TokenRange previous = ranges.get(i - 1);
                assertTrue(range.from() < previous.to(), "gap or no overlap between " + previous + " and " + range);
                assertTrue(range.from() > previous.from(), "no progress: " + previous + " then " + range);
                assertTrue(previous.to() - range.from() <= EmbeddingEngine.OVERLAP_TOKENS, "overlap too large");
            }
            if (i < ranges.size() - 1) {
                String cutAfter =
                        text.substring(0, tokens.ends()[range.to() - 1]).stripTrailing();
                assertTrue(
                        cutAfter.endsWith(".") || text.charAt(tokens.ends()[range.to() - 1]) == '\n',
                        "window " + i + " does not end a sentence or line: ..."
                                + cutAfter.substring(cutAfter.length() - 40));
            }
        }
        TextEmbedding embedding = engine.embedDocument(text);
        assertEquals(ranges.size(), embedding.chunks());
        assertEquals(tokens.size(), embedding.tokens());
        assertTrue(embedding.chunks() >= 8, "a 20,000-character text spans many windows: " + embedding.chunks());
    }

    @Test
    void aTextWithoutSentenceEndsIsCutBetweenWords() {
        TokenizedText text = tokenizer.tokenize("unbelievably ".repeat(400));

        List<TokenRange> ranges = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(text, capacity);

        for (TokenRange range : ranges.subList(0, ranges.size() - 1)) {
            char before = text.text().charAt(text.ends()[range.to() - 1] - 1);
            char after = text.text().charAt(text.ends()[range.to() - 1]);
            assertEquals('y', before, "cut inside a word at " + range);
            assertEquals(' ', after, "cut inside a word at " + range);
        }
    }

    @Test
    void theTokenizersOwnTruncationAndPaddingAreSwitchedOff() {
        // all-MiniLM's tokenizer.json truncates and pads to 128; the engine must read all 300 tokens, in 2 windows.
        try (EmbeddingEngine minilm = EmbeddingEngine.open(TestModels.float32(), new EngineOptions(4, 2, 0))) {
            TextEmbedding short3 = minilm.embedDocument("work work work");
            TextEmbedding long300 = minilm.embedDocument(words(300));

            assertEquals(3, short3.tokens());
            assertEquals(300, long300.tokens());
            assertEquals(2, long300.chunks());
        }
    }
}
