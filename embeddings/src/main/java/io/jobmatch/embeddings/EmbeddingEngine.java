package io.jobmatch.embeddings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns texts into normalised vectors with one model: the model's own tokenizer, token-aware chunking of long texts,
 * length-grouped batches through one shared ONNX Runtime session, and a bounded cache of recent results.
 * Thread-safe; open one per model and share it.
 */
public final class EmbeddingEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingEngine.class);

    /**
     * Longest accepted text. A long CV is about 1,500 tokens, 7,500 characters; the limit leaves more than twice that
     * and bounds the cost of one request to about ten model windows.
     */
    public static final int MAX_TEXT_CHARS = 20_000;

    /** Tokens repeated between consecutive windows so a sentence cut at a window edge is still read whole once. */
    static final int OVERLAP_TOKENS = 64;

    /**
     * Most padded tokens per model call. Attention memory grows with rows x width^2, so long windows go in smaller
     * batches; short ones still fill {@link EngineOptions#batchSize()}.
     */
    static final int MAX_BATCH_TOKENS = 8_192;

    /**
     * How long {@link #close} waits for a model call in flight before it gives up freeing native memory. One call is
     * at most {@link #MAX_BATCH_TOKENS} tokens, about 2 s on two busy cores.
     */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Float32 models differ by rounding noise (about 1e-7) between batched and single runs; quantised ones by 1e-2. */
    private static final float BATCH_INVARIANCE_TOLERANCE = 1e-5f;

    private final ModelManifest manifest;
    private final EngineOptions options;
    private final ModelTokenizer tokenizer;
    private final OnnxEncoder encoder;
    private final TextChunker chunker = new TextChunker(OVERLAP_TOKENS);
    private final EmbeddingCache cache;
    private final boolean batchInvariant;
    private final InferenceAdmission admission;
    private volatile boolean closed;

    private EmbeddingEngine(
            ModelManifest manifest,
            EngineOptions options,
            InferenceAdmission admission,
            ModelTokenizer tokenizer,
            OnnxEncoder encoder) {
        this.manifest = manifest;
        this.options = options;
        this.admission = admission;
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.cache = new EmbeddingCache(options.cacheSize());
        this.batchInvariant = outputsIgnoreBatchCompanions();
        if (!batchInvariant && options.batchJitter()) {
            LOG.info(
                    "{}: vectors depend on the other texts of a batch (dynamically quantised model); "
                            + "batching anyway (batch jitter accepted): a text's vector may move by about 0.003 in "
                            + "cosine with its batch companions",
                    manifest.name());
        } else if (!batchInvariant) {
            LOG.info(
                    "{}: vectors depend on the other texts of a batch (dynamically quantised model); "
                            + "encoding one window per model call so every text always gets the same vector",
                    manifest.name());
        }
    }

    /**
     * Verifies the SHA-256 of every model file, then loads tokenizer and model.
     *
     * @throws ModelIntegrityException naming the file, the expected and actual checksums and how to fetch it again
     */
    public static EmbeddingEngine open(ResolvedModel model, EngineOptions options) {
        return open(model, options, InferenceAdmission.UNBOUNDED);
    }

    /** As {@link #open(ResolvedModel, EngineOptions)}, with the model work of every call under {@code admission}. */
    public static EmbeddingEngine open(ResolvedModel model, EngineOptions options, InferenceAdmission admission) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(admission, "admission");
        ModelManifest manifest = model.manifest();
        VerifiedFile tokenizerFile =
                ModelFileVerifier.verify(manifest.file(ModelFile.TOKENIZER), manifest, model.modelDir());
        VerifiedFile modelFile = ModelFileVerifier.verify(manifest.file(ModelFile.MODEL), manifest, model.modelDir());
        ModelTokenizer tokenizer = new ModelTokenizer(tokenizerFile, manifest);
        try {
            return new EmbeddingEngine(
                    manifest, options, admission, tokenizer, OnnxEncoder.open(modelFile, manifest, options));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public EngineOptions options() {
        return options;
    }

    public int dimension() {
        return manifest.dimension();
    }

    /**
     * Whether a text's vector is the same whatever it is batched with. Dynamically quantised models (int8 with a
     * per-tensor activation range, like the offline e5-small-v2-q) are not: a batch companion shifts the range and
     * the vector by about 0.003 in cosine. For them the engine gives up batching, so that re-embedding an unchanged
     * text always reproduces its stored vector.
     */
    public boolean batchInvariant() {
        return batchInvariant;
    }

    /** Most windows sent to the model in one call. */
    int rowsPerCall() {
        return batchInvariant || options.batchJitter() ? options.batchSize() : 1;
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Embeds the searching side (a CV, a search box) with the manifest's query prefix. */
    public TextEmbedding embedQuery(String text) {
        return embed(TextKind.QUERY, List.of(text), true).getFirst();
    }

    /** Embeds the searched side (an offer) with the manifest's document prefix. */
    public TextEmbedding embedDocument(String text) {
        return embed(TextKind.DOCUMENT, List.of(text)).getFirst();
    }

    /** Embeds many offers in length-grouped batches; results are in input order. */
    public List<TextEmbedding> embedDocuments(List<String> texts) {
        return embed(TextKind.DOCUMENT, texts);
    }

    /**
     * @throws IllegalArgumentException when a text is empty, whitespace-only, has no token the model can read, or is
     *                                  longer than {@link #MAX_TEXT_CHARS}; nothing is embedded then
     * @throws EngineClosedException    once {@link #close} has begun, even midway through the texts
     */
    public List<TextEmbedding> embed(TextKind kind, List<String> texts) {
        return embed(kind, texts, false);
    }

    /** @param interactive whether someone waits for this answer now (a search), for the {@link InferenceAdmission} */
    private List<TextEmbedding> embed(TextKind kind, List<String> texts, boolean interactive) {
        if (closed) {
            throw new EngineClosedException("embedding engine " + manifest.name());
        }
        for (int i = 0; i < texts.size(); i++) {
            checkAcceptable(texts.get(i), texts.size() == 1 ? "" : " (text " + i + ")");
        }
        TextEmbedding[] results = new TextEmbedding[texts.size()];
        EmbeddingCache.Key[] keys = new EmbeddingCache.Key[texts.size()];
        List<Integer> toCompute = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (cache.enabled()) {
                keys[i] = cache.key(manifest.name(), kind, texts.get(i));
                results[i] = cache.get(keys[i]);
            }
            if (results[i] == null) {
                toCompute.add(i);
            }
        }
        if (!toCompute.isEmpty()) {
            List<String> missing = toCompute.stream().map(texts::get).toList();
            List<TextEmbedding> computed = interactive
                    ? admission.admit(InferenceAdmission.Urgency.INTERACTIVE, () -> compute(kind, missing, true))
                    : compute(kind, missing, false);
            for (int j = 0; j < toCompute.size(); j++) {
                int i = toCompute.get(j);
                results[i] = computed.get(j);
                if (keys[i] != null) {
                    cache.put(keys[i], results[i]);
                }
            }
        }
        return List.of(results);
    }

    private static void checkAcceptable(String text, String which) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed an empty or whitespace-only text" + which);
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("text of " + text.length() + " characters is longer than the "
                    + MAX_TEXT_CHARS + " accepted" + which);
        }
    }

    /**
     * @param interactive whether someone waits for this answer now (a search, admitted as a whole); otherwise each
     *                    model call asks the admission itself
     */
    private List<TextEmbedding> compute(TextKind kind, List<String> texts, boolean interactive) {
        List<TokenizedText> tokenized = tokenize(texts);
        List<Window> windows = split(kind, tokenized);
        // A search's few windows go one per call, each at its own length: batched, a CV's last, shorter window would
        // be padded to the first's 512 tokens (bench-serve: 61 ms more per 600-word CV), and on the CPU a batch of
        // two gains nothing. The path is also the exact one, whatever jitter indexing accepts.
        float[][][] pooled =
                encodeGroupedByLength(windows, ownRanges(windows), !interactive, interactive ? 1 : rowsPerCall());
        return aggregate(tokenized, windows, pooled);
    }

    /** Each text's embedding from the first pooled vector of each of its windows (the window's own). */
    private List<TextEmbedding> aggregate(List<TokenizedText> tokenized, List<Window> windows, float[][][] pooled) {
        List<List<float[]>> byOwner = new ArrayList<>(tokenized.size());
        for (int owner = 0; owner < tokenized.size(); owner++) {
            byOwner.add(new ArrayList<>(1));
        }
        for (int w = 0; w < windows.size(); w++) {
            byOwner.get(windows.get(w).owner()).add(pooled[w][0]);
        }
        List<TextEmbedding> results = new ArrayList<>(tokenized.size());
        for (int owner = 0; owner < tokenized.size(); owner++) {
            List<float[]> chunkVectors = byOwner.get(owner);
            results.add(new TextEmbedding(
                    normalisedMean(chunkVectors), tokenized.get(owner).size(), chunkVectors.size(), chunkVectors));
        }
        return results;
    }

    /** Per window, a list holding the one range the model's pooling reads; callers may add span ranges after it. */
    private List<List<TokenRange>> ownRanges(List<Window> windows) {
        List<List<TokenRange>> ranges = new ArrayList<>(windows.size());
        for (Window window : windows) {
            List<TokenRange> own = new ArrayList<>(1);
            own.add(encoder.pooledRange(window.ids().length));
            ranges.add(own);
        }
        return ranges;
    }

    /**
     * Embeds documents and, from the same forward pass, each of their spans (late chunking): a span's vector is the
     * mean of its tokens' states as the model read them within the whole document, so passages cost no model call of
     * their own. A span is pooled in the window that holds most of its tokens (the first such): in a document longer
     * than one window a span that crosses a window edge beyond the overlap is pooled from its larger part. The cache
     * is not used: this is for indexing, where texts are new.
     *
     * @param spans per text, the character spans to pool, each inside its text and holding at least one token
     * @throws IllegalArgumentException on a text {@link #embed} refuses, a span outside its text or without a token
     * @throws EngineClosedException    once {@link #close} has begun, even midway through the texts
     */
    public List<SpannedEmbedding> embedDocumentsWithSpans(List<String> texts, List<List<TextSpan>> spans) {
        if (closed) {
            throw new EngineClosedException("embedding engine " + manifest.name());
        }
        if (texts.size() != spans.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + spans.size() + " span lists");
        }
        for (int i = 0; i < texts.size(); i++) {
            checkAcceptable(texts.get(i), texts.size() == 1 ? "" : " (text " + i + ")");
        }
        List<TokenizedText> tokenized = tokenize(texts);
        List<Window> windows = split(TextKind.DOCUMENT, tokenized);
        List<List<TokenRange>> ranges = ownRanges(windows);
        // Where each span's vector lands: the window and the position among that window's ranges.
        List<int[][]> placements = new ArrayList<>(texts.size());
        int firstWindow = 0;
        for (int owner = 0; owner < texts.size(); owner++) {
            int lastWindow = firstWindow;
            while (lastWindow < windows.size() && windows.get(lastWindow).owner() == owner) {
                lastWindow++;
            }
            List<TextSpan> textSpans = spans.get(owner);
            int[][] placed = new int[textSpans.size()][];
            for (int s = 0; s < textSpans.size(); s++) {
                TokenRange tokens = tokensOf(tokenized.get(owner), textSpans.get(s), owner);
                int window = windowHoldingMost(windows, firstWindow, lastWindow, tokens);
                TokenRange inWindow = windows.get(window).range();
                int shift = tokenizer.textOffset(TextKind.DOCUMENT) - inWindow.from();
                ranges.get(window)
                        .add(new TokenRange(
                                Math.max(tokens.from(), inWindow.from()) + shift,
                                Math.min(tokens.to(), inWindow.to()) + shift));
                placed[s] = new int[] {window, ranges.get(window).size() - 1};
            }
            placements.add(placed);
            firstWindow = lastWindow;
        }
        float[][][] pooled = encodeGroupedByLength(windows, ranges, true, rowsPerCall());
        List<TextEmbedding> documents = aggregate(tokenized, windows, pooled);
        List<SpannedEmbedding> results = new ArrayList<>(texts.size());
        for (int owner = 0; owner < texts.size(); owner++) {
            List<float[]> spanVectors = new ArrayList<>(placements.get(owner).length);
            for (int[] at : placements.get(owner)) {
                spanVectors.add(pooled[at[0]][at[1]]);
            }
            results.add(new SpannedEmbedding(documents.get(owner), spanVectors));
        }
        return results;
    }

    /** The tokens overlapping a character span, as text token indexes. */
    static TokenRange tokensOf(TokenizedText text, TextSpan span, int owner) {
        if (span.end() > text.text().length()) {
            throw new IllegalArgumentException("span [" + span.start() + ", " + span.end() + ") of text " + owner
                    + " is outside its " + text.text().length() + " characters");
        }
        int from = 0;
        while (from < text.size() && text.ends()[from] <= span.start()) {
            from++;
        }
        int to = from;
        while (to < text.size() && text.starts()[to] < span.end()) {
            to++;
        }
        if (to == from) {
            throw new IllegalArgumentException("span [" + span.start() + ", " + span.end() + ") of text " + owner
                    + " holds no token the model reads");
        }
        return new TokenRange(from, to);
    }

    /** Among windows {@code [first, last)}, the first that holds the most of {@code tokens}. */
    private static int windowHoldingMost(List<Window> windows, int first, int last, TokenRange tokens) {
        int best = first;
        int bestOverlap = -1;
        for (int w = first; w < last; w++) {
            TokenRange range = windows.get(w).range();
            int overlap = Math.min(tokens.to(), range.to()) - Math.max(tokens.from(), range.from());
            if (overlap > bestOverlap) {
                best = w;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** The aggregate stored for a text: see README, "Long texts", for why the mean and not a weighted one. */
    private float[] normalisedMean(List<float[]> chunkVectors) {
        if (chunkVectors.size() == 1) {
            return chunkVectors.getFirst();
        }
        float[] sum = new float[dimension()];
        for (float[] vector : chunkVectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        Vectors.normalise(sum);
        return sum;
    }

    private List<TokenizedText> tokenize(List<String> texts) {
        return texts.size() == 1 ? List.of(tokenizer.tokenize(texts.getFirst())) : tokenizer.tokenize(texts);
    }

    private List<Window> split(TextKind kind, List<TokenizedText> tokenized) {
        List<Window> windows = new ArrayList<>();
        for (int owner = 0; owner < tokenized.size(); owner++) {
            TokenizedText text = tokenized.get(owner);
            if (text.size() == 0) {
                throw new IllegalArgumentException("text has no token the model can read: " + abbreviate(text.text()));
            }
            for (TokenRange range : chunker.split(text, windowCapacity(kind))) {
                windows.add(new Window(owner, range, tokenizer.window(kind, text, range.from(), range.to())));
            }
        }
        return windows;
    }

    /** Text tokens one window holds once special tokens and the prefix are in. */
    int windowCapacity(TextKind kind) {
        return manifest.maxTokens() - tokenizer.overhead(kind);
    }

    /**
     * @param ranges per window, the token ranges to pool (see {@link OnnxEncoder#encode(List, List)})
     * @return per window, in the order of {@code windows}, one vector per range
     */
    private float[][][] encodeGroupedByLength(
            List<Window> windows, List<List<TokenRange>> ranges, boolean admitEachCall, int rows) {
        float[][][] vectors = new float[windows.size()][][];
        List<long[]> batch = new ArrayList<>(rows);
        List<List<TokenRange>> batchRanges = new ArrayList<>(rows);
        for (int[] group : groupByLength(windows, rows)) {
            batch.clear();
            batchRanges.clear();
            for (int index : group) {
                batch.add(windows.get(index).ids());
                batchRanges.add(ranges.get(index));
            }
            float[][][] encoded = admitEachCall
                    ? admission.admit(InferenceAdmission.Urgency.BACKGROUND, () -> encoder.encode(batch, batchRanges))
                    : encoder.encode(batch, batchRanges);
            for (int i = 0; i < group.length; i++) {
                vectors[group[i]] = encoded[i];
            }
        }
        return vectors;
    }

    /**
     * Sorted by length, windows of similar size share a batch, so padding stays small (dynamic padding): each batch
     * is padded only to its own longest window.
     *
     * @param rows most windows per call
     * @return indexes into {@code windows}, one array per model call
     */
    private static List<int[]> groupByLength(List<Window> windows, int rows) {
        Integer[] byLength = new Integer[windows.size()];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = i;
        }
        Arrays.sort(byLength, Comparator.comparingInt(i -> windows.get(i).ids().length));
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        while (start < byLength.length) {
            int end = start + 1;
            while (end < byLength.length
                    && end - start < rows
                    && (long) (end - start + 1) * windows.get(byLength[end]).ids().length <= MAX_BATCH_TOKENS) {
                end++;
            }
            int[] group = new int[end - start];
            for (int i = start; i < end; i++) {
                group[i - start] = byLength[i];
            }
            groups.add(group);
            start = end;
        }
        return groups;
    }

    /** The token batches the pipeline sends to the model for these texts, for the benchmark's ceiling. */
    List<List<long[]>> plannedBatches(TextKind kind, List<String> texts) {
        return plannedBatches(kind, texts, rowsPerCall());
    }

    /** The same windows in batches of at most {@code rows}, whether or not this engine batches its model. */
    List<List<long[]>> plannedBatches(TextKind kind, List<String> texts, int rows) {
        List<Window> windows = split(kind, tokenize(texts));
        return groupByLength(windows, rows).stream()
                .map(group ->
                        Arrays.stream(group).mapToObj(i -> windows.get(i).ids()).toList())
                .toList();
    }

    /** Probe at open: one short window alone, then batched with a longer, different one. */
    private boolean outputsIgnoreBatchCompanions() {
        TokenizedText shortText = tokenizer.tokenize("Java developer in Lyon");
        TokenizedText longText =
                tokenizer.tokenize("Night nurse wanted for the intensive care unit of a large hospital, "
                        + "three nights a week, with a team of twelve nurses and four doctors.");
        long[] alone = tokenizer.window(TextKind.DOCUMENT, shortText, 0, shortText.size());
        long[] companion = tokenizer.window(TextKind.DOCUMENT, longText, 0, longText.size());
        float[] single = encoder.encode(List.of(alone))[0];
        float[] batched = encoder.encode(List.of(alone, companion))[0];
        for (int i = 0; i < single.length; i++) {
            if (Math.abs(single[i] - batched[i]) > BATCH_INVARIANCE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "...'";
    }

    /** Tokenizer of this engine, for the benchmark and tests that need the exact token ids the model sees. */
    ModelTokenizer tokenizer() {
        return tokenizer;
    }

    OnnxEncoder encoder() {
        return encoder;
    }

    /**
     * Refuses new calls at once, then frees the model and the tokenizer as soon as the calls already inside them
     * return (waiting at most {@link #CLOSE_WAIT} for each). Safe to call while other threads embed.
     */
    @Override
    public void close() {
        closed = true;
        encoder.close(CLOSE_WAIT);
        tokenizer.close(CLOSE_WAIT);
    }

    /**
     * One model window of a text being embedded.
     *
     * @param range the text's tokens it holds; {@code ids} adds the special tokens and the prefix around them
     */
    record Window(int owner, TokenRange range, long[] ids) {}
}
