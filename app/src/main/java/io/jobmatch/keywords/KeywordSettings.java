package io.jobmatch.keywords;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * BM25 parameters of the keyword vectors. Qdrant multiplies by the IDF at query time; the term-frequency part,
 * saturated and length-normalised, is computed here, so changing these needs a reindex.
 *
 * @param k1            term-frequency saturation: how fast repeating a word stops adding weight
 * @param b             length normalisation: 0 ignores document length, 1 divides fully by it
 * @param averageLength typical analysed length of an offer, in terms, that {@code b} normalises against
 * @param titleWeight   an offer's title terms count this many times its description's (BM25F-style field weight)
 * @param subwordLanguages languages whose terms also index their character 4-grams, so that compounds match their
 *                      parts (German, Dutch: Lucene has no dictionary-free decompounder for them)
 * @param subwordWeight how much a query's subword counts against a whole word (0 to 1)
 */
@ConfigurationProperties("jobmatch.keywords")
public record KeywordSettings(
        @Bindable(defaultValue = "1.2") double k1,
        @Bindable(defaultValue = "0.75") double b,
        @Bindable(defaultValue = "120") double averageLength,
        @Bindable(defaultValue = "2") double titleWeight,
        @Bindable(defaultValue = "de,nl") List<String> subwordLanguages,
        @Bindable(defaultValue = "0.3") double subwordWeight) {}
