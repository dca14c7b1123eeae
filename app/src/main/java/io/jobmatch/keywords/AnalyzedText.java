package io.jobmatch.keywords;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text after analysis: each term (stemmed, stop words gone) with how often it occurs and the word it was first
 * read from, in order of first occurrence.
 *
 * @param counts  occurrences per term
 * @param words   the original word of each term's first occurrence, to show people words rather than stems
 * @param length  terms in the text, repeats included (BM25's document length)
 */
public record AnalyzedText(Map<String, Integer> counts, Map<String, String> words, int length) {

    public AnalyzedText {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    public boolean contains(String term) {
        return counts.containsKey(term);
    }
}
