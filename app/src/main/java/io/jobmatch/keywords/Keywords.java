package io.jobmatch.keywords;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Entry point of the keyword feature: analyses texts per language and turns them into BM25 sparse vectors.
 * <p>
 * A document term weighs {@code tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength))}, the BM25 term
 * part; Qdrant's IDF modifier multiplies in the inverse document frequency when it scores, so the IDF always reflects
 * the collection as it is now. Term indices are 32-bit murmur3 hashes of {@code language:term}: stable across
 * restarts and machines with no vocabulary to store, and each language keeps its own document frequencies (an
 * English "chef" is not a French "chef"). Two terms of one language sharing a hash merge; with a few hundred thousand
 * terms that touches a handful of rare words.
 */
@Singleton
public class Keywords {

    private static final int HASH_SEED = 0x6a6f62; // fixed forever: changing it invalidates every stored vector
    static final int SUBWORD_LENGTH = 4;

    private final KeywordSettings settings;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

    public Keywords(KeywordSettings settings) {
        this.settings = settings;
    }

    /** The terms of a text as the language's analyzer reads them. */
    public AnalyzedText analyze(String text, String language) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> words = new HashMap<>();
        int length = 0;
        try (TokenStream stream = analyzers.forLanguage(language).tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String key = term.toString();
                if (counts.merge(key, 1, Integer::sum) == 1) {
                    words.put(key, text.substring(offset.startOffset(), offset.endOffset()));
                }
                length++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene failed on an in-memory text", e);
        }
        return new AnalyzedText(counts, words, length);
    }

    /**
     * The indexed keyword vector of an offer: title and description, the title's terms weighted up, plus the
     * subwords of its terms in compounding languages. Subwords share the offer's length normalisation.
     */
    public KeywordVector document(String title, String description, String language) {
        AnalyzedText titleTerms = analyze(title, language);
        AnalyzedText bodyTerms = analyze(description, language);
        Map<String, Double> frequencies = new HashMap<>();
        titleTerms.counts().forEach((term, n) -> frequencies.merge(term, settings.titleWeight() * n, Double::sum));
        bodyTerms.counts().forEach((term, n) -> frequencies.merge(term, (double) n, Double::sum));
        double length = settings.titleWeight() * titleTerms.length() + bodyTerms.length();
        double norm = settings.k1() * (1 - settings.b() + settings.b() * length / settings.averageLength());
        DoubleUnaryOperator bm25 = tf -> tf * (settings.k1() + 1) / (tf + norm);
        VectorBuilder vector = new VectorBuilder(language).addAll(frequencies, bm25);
        if (usesSubwords(language)) {
            vector.addAll(subwords(frequencies), bm25);
        }
        return vector.build();
    }

    /**
     * The query side: each term of the query once, saturated by how often the query repeats it (a CV that names a
     * skill five times means it more than one that names it once, but not five times more). Subwords, in compounding
     * languages, weigh {@code subwordWeight} of a word: they find "Steinschleifer" for "Natursteinschleifer" without
     * outranking an offer that has the whole word.
     */
    public KeywordQuery query(String text, String language) {
        AnalyzedText terms = analyze(text, language);
        Map<String, Double> frequencies = new HashMap<>();
        terms.counts().forEach((term, n) -> frequencies.put(term, (double) n));
        DoubleUnaryOperator saturated = tf -> tf * (settings.k1() + 1) / (tf + settings.k1());
        VectorBuilder vector = new VectorBuilder(language).addAll(frequencies, saturated);
        if (usesSubwords(language)) {
            vector.addAll(subwords(frequencies), tf -> settings.subwordWeight() * saturated.applyAsDouble(tf));
        }
        return new KeywordQuery(terms, vector.build());
    }

    private boolean usesSubwords(String language) {
        return settings.subwordLanguages().contains(language);
    }

    /**
     * The character {@value #SUBWORD_LENGTH}-grams of each term, the term padded with '_' so its start and end are
     * grams of their own, with the term's frequency. Lucene has no dictionary-free decompounder, and a compound
     * ("Softwareentwickler") shares most of its grams with its parts ("Entwickler"). The '#' keeps them apart from
     * words.
     */
    private static Map<String, Double> subwords(Map<String, Double> frequencies) {
        Map<String, Double> grams = new HashMap<>();
        frequencies.forEach((term, tf) -> {
            if (term.length() >= SUBWORD_LENGTH) {
                String padded = "_" + term + "_";
                for (int i = 0; i + SUBWORD_LENGTH <= padded.length(); i++) {
                    grams.merge("#" + padded.substring(i, i + SUBWORD_LENGTH), tf, Double::sum);
                }
            }
        });
        return grams;
    }

    /**
     * The words of a query whose terms an offer contains once both are analysed, most frequent in the offer first
     * (ties in query order), at most {@code max}.
     */
    public List<String> matchedTerms(KeywordQuery query, String offerText, String offerLanguage, int max) {
        AnalyzedText offer = analyze(offerText, offerLanguage);
        List<String> shared = new ArrayList<>();
        for (String term : query.terms().counts().keySet()) {
            if (offer.contains(term)) {
                shared.add(term);
            }
        }
        shared.sort(Comparator.comparingInt((String term) -> offer.counts().get(term))
                .reversed());
        return shared.stream()
                .limit(max)
                .map(term -> query.terms().words().get(term))
                .toList();
    }

    /** Collects weighted terms of one language into a sparse vector, merging terms that share an index. */
    private static final class VectorBuilder {

        private final String language;
        private final TreeMap<Integer, Float> byIndex = new TreeMap<>();

        VectorBuilder(String language) {
            this.language = language;
        }

        VectorBuilder addAll(Map<String, Double> frequencies, DoubleUnaryOperator weight) {
            frequencies.forEach(
                    (term, tf) -> byIndex.merge(index(language, term), (float) weight.applyAsDouble(tf), Float::sum));
            return this;
        }

        KeywordVector build() {
            int[] indices = new int[byIndex.size()];
            float[] values = new float[byIndex.size()];
            int i = 0;
            for (Map.Entry<Integer, Float> entry : byIndex.entrySet()) {
                indices[i] = entry.getKey();
                values[i++] = entry.getValue();
            }
            return new KeywordVector(indices, values);
        }
    }

    static int index(String language, String term) {
        return StringHelper.murmurhash3_x86_32(new BytesRef(language + ":" + term), HASH_SEED);
    }

    @PreDestroy
    void close() {
        analyzers.close();
    }
}
