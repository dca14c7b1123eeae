package io.jobmatch.embeddings;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a tokenized text into overlapping windows of at most {@code capacity} tokens, cutting at a line or sentence
 * end when one lies in the back half of the window, else between words, and only as a last resort inside a word.
 */
final class TextChunker {

    private enum Break {
        NONE,
        WORD,
        SENTENCE,
        LINE
    }

    private final int overlapTokens;

    /** @param overlapTokens tokens repeated at the start of the next window, capped at a quarter of the window */
    TextChunker(int overlapTokens) {
        if (overlapTokens < 0) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        this.overlapTokens = overlapTokens;
    }

    List<TokenRange> split(TokenizedText text, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("no room left for text in the model's window");
        }
        int size = text.size();
        if (size <= capacity) {
            return List.of(new TokenRange(0, size));
        }
        int overlap = Math.min(overlapTokens, capacity / 4);
        List<TokenRange> ranges = new ArrayList<>(size / (capacity - overlap) + 2);
        int from = 0;
        while (from + capacity < size) {
            int to = cutBefore(text, from + capacity / 2 + 1, from + capacity);
            ranges.add(new TokenRange(from, to));
            // Cutting in the back half and overlapping at most a quarter guarantees progress.
            from = startAfter(text, Math.max(to - overlap, from + 1), to);
        }
        ranges.add(new TokenRange(from, size));
        return ranges;
    }

    /** Latest cut in {@code [lowest, limit]}, preferring the strongest break. */
    private static int cutBefore(TokenizedText text, int lowest, int limit) {
        int wordCut = -1;
        for (int cut = limit; cut >= lowest; cut--) {
            Break strength = breakBefore(text, cut);
            if (strength.compareTo(Break.SENTENCE) >= 0) {
                return cut;
            }
            if (strength == Break.WORD && wordCut < 0) {
                wordCut = cut;
            }
        }
        return wordCut > 0 ? wordCut : limit;
    }

    /** Earliest start in {@code [lowest, to)} that begins a sentence, else a word, else {@code lowest}. */
    private static int startAfter(TokenizedText text, int lowest, int to) {
        int wordStart = -1;
        for (int start = lowest; start < to; start++) {
            Break strength = breakBefore(text, start);
            if (strength.compareTo(Break.SENTENCE) >= 0) {
                return start;
            }
            if (strength == Break.WORD && wordStart < 0) {
                wordStart = start;
            }
        }
        return wordStart > 0 ? wordStart : lowest;
    }

    /** How strongly the text breaks between token {@code index - 1} and token {@code index}. */
    private static Break breakBefore(TokenizedText text, int index) {
        if (index <= 0 || index >= text.size()) {
            return Break.NONE;
        }
        String chars = text.text();
        int gapStart = text.ends()[index - 1];
        int gapEnd = text.starts()[index];
        // Some tokenizers (SentencePiece) count the space before a word as part of the word's token.
        while (gapEnd < text.ends()[index] && Character.isWhitespace(chars.charAt(gapEnd))) {
            gapEnd++;
        }
        if (gapEnd <= gapStart) {
            return Break.NONE;
        }
        if (chars.substring(gapStart, gapEnd).indexOf('\n') >= 0) {
            return Break.LINE;
        }
        char last = gapStart > 0 ? chars.charAt(gapStart - 1) : ' ';
        return last == '.' || last == '!' || last == '?' || last == ';' ? Break.SENTENCE : Break.WORD;
    }
}
