package io.jobmatch.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The model's own tokenizer, used without its truncation and without special tokens: the engine adds the special
 * tokens and the prefix itself around each window, so that a text longer than the model's window is split rather
 * than silently cut.
 */
final class ModelTokenizer implements AutoCloseable {

    static {
        // DJL otherwise calls the EC2 metadata service (usage tracking) when it loads the tokenizer's native library.
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final long[] head;
    private final long[] tail;
    private final Map<TextKind, long[]> prefixes = new EnumMap<>(TextKind.class);
    private final NativeCallGuard guard = new NativeCallGuard("tokenizer");

    ModelTokenizer(VerifiedFile tokenizerFile, ModelManifest manifest) {
        try (InputStream in = tokenizerFile.open()) {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    in,
                    Map.of(
                            "addSpecialTokens", "false",
                            "truncation", "false",
                            "padding", "false",
                            // Only to state that the model length is known: truncation is off, windows are cut by
                            // TextChunker.
                            "maxLength", String.valueOf(manifest.maxTokens())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer of " + manifest.name(), e);
        }
        // The tokenizer's single-sequence template tells which special tokens go before and after the text.
        long[] bare = tokenizer.encode("a", false, false).getIds();
        long[] framed = tokenizer.encode("a", true, false).getIds();
        int at = indexOf(framed, bare);
        if (at < 0) {
            throw new IllegalStateException(manifest.name() + ": tokenizer template does not contain the bare text");
        }
        head = Arrays.copyOfRange(framed, 0, at);
        tail = Arrays.copyOfRange(framed, at + bare.length, framed.length);
        for (TextKind kind : TextKind.values()) {
            prefixes.put(
                    kind, tokenizer.encode(manifest.prefix(kind), false, false).getIds());
        }
    }

    /** @throws EngineClosedException once {@link #close} has begun */
    TokenizedText tokenize(String text) {
        return toTokenizedText(text, guard.call(() -> tokenizer.encode(text, false, false)));
    }

    /** One native call for many texts; the Rust tokenizer parallelises it. */
    List<TokenizedText> tokenize(List<String> texts) {
        Encoding[] encodings = guard.call(() -> tokenizer.batchEncode(texts, false, false));
        TokenizedText[] result = new TokenizedText[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            result[i] = toTokenizedText(texts.get(i), encodings[i]);
        }
        return List.of(result);
    }

    /** Special tokens plus prefix tokens that every window of this kind carries besides the text's own tokens. */
    int overhead(TextKind kind) {
        return head.length + prefixes.get(kind).length + tail.length;
    }

    /** Position in a window of this kind of the text's first token: after the leading special tokens and prefix. */
    int textOffset(TextKind kind) {
        return head.length + prefixes.get(kind).length;
    }

    /** Model input for tokens {@code [from, to)} of a text: special tokens and prefix around them. */
    long[] window(TextKind kind, TokenizedText text, int from, int to) {
        long[] prefix = prefixes.get(kind);
        long[] ids = new long[head.length + prefix.length + (to - from) + tail.length];
        int at = 0;
        System.arraycopy(head, 0, ids, at, head.length);
        at += head.length;
        System.arraycopy(prefix, 0, ids, at, prefix.length);
        at += prefix.length;
        System.arraycopy(text.ids(), from, ids, at, to - from);
        at += to - from;
        System.arraycopy(tail, 0, ids, at, tail.length);
        return ids;
    }

    private static TokenizedText toTokenizedText(String text, Encoding encoding) {
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            // A token without a span (none expected without special tokens) is treated as glued to its neighbour.
            CharSpan span = spans[i];
            starts[i] = span == null ? (i == 0 ? 0 : ends[i - 1]) : span.getStart();
            ends[i] = span == null ? starts[i] : span.getEnd();
        }
        return new TokenizedText(text, ids, starts, ends);
    }

    private static int indexOf(long[] haystack, long[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Waits up to {@code wait} for running calls before freeing the native tokenizer. */
    void close(Duration wait) {
        guard.close(wait, tokenizer::close);
    }

    @Override
    public void close() {
        close(EmbeddingEngine.CLOSE_WAIT);
    }
}
