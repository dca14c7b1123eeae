package io.jobmatch.eval;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Mean metrics over the queries of one language, or (macro) the mean over languages.
 *
 * @param language        ISO 639-1 code, or {@code macro} for the mean over languages
 * @param purity          share of returned documents in the requested language (1.0 when none was returned)
 * @param queriesPerSecond queries ranked per second, embedding and Qdrant included
 */
@Serdeable
public record LanguageScores(
        String language,
        int queries,
        double mrr10,
        double ndcg10,
        double recall1,
        double recall10,
        double purity,
        double queriesPerSecond) {

    static final String MACRO = "macro";

    static LanguageScores of(String language, List<QueryScores> scores, double seconds) {
        int returned = scores.stream().mapToInt(QueryScores::returned).sum();
        int inLanguage = scores.stream().mapToInt(QueryScores::inLanguage).sum();
        return new LanguageScores(
                language,
                scores.size(),
                mean(scores.stream().mapToDouble(QueryScores::mrr10).toArray()),
                mean(scores.stream().mapToDouble(QueryScores::ndcg10).toArray()),
                mean(scores.stream().mapToDouble(QueryScores::recall1).toArray()),
                mean(scores.stream().mapToDouble(QueryScores::recall10).toArray()),
                returned == 0 ? 1.0 : (double) inLanguage / returned,
                seconds > 0 ? scores.size() / seconds : 0);
    }

    /** Every language weighs the same, however many queries it has. */
    static LanguageScores macro(List<LanguageScores> languages, double seconds) {
        int queries = languages.stream().mapToInt(LanguageScores::queries).sum();
        return new LanguageScores(
                MACRO,
                queries,
                mean(languages.stream().mapToDouble(LanguageScores::mrr10).toArray()),
                mean(languages.stream().mapToDouble(LanguageScores::ndcg10).toArray()),
                mean(languages.stream().mapToDouble(LanguageScores::recall1).toArray()),
                mean(languages.stream().mapToDouble(LanguageScores::recall10).toArray()),
                mean(languages.stream().mapToDouble(LanguageScores::purity).toArray()),
                seconds > 0 ? queries / seconds : 0);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
