package io.jobmatch.eval;

import java.util.List;
import java.util.Map;

/**
 * The standard cut-off metrics of one ranked list against its judgements (as trec_eval computes them, with linear
 * gains for nDCG), plus how many returned documents were in the query's language.
 */
public record QueryScores(double mrr10, double ndcg10, double recall1, double recall10, int returned, int inLanguage) {

    static final int DEPTH = 10;

    /**
     * @param ranked            returned document ids, best first (only the first {@link #DEPTH} count)
     * @param rankedLanguages   the language of each returned document
     * @param relevant          relevant document ids with their grades (all above 0)
     */
    static QueryScores of(
            List<String> ranked, List<String> rankedLanguages, String language, Map<String, Integer> relevant) {
        List<String> top = ranked.subList(0, Math.min(DEPTH, ranked.size()));
        double reciprocalRank = 0;
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            int grade = relevant.getOrDefault(top.get(i), 0);
            if (grade > 0 && reciprocalRank == 0) {
                reciprocalRank = 1.0 / (i + 1);
            }
            dcg += grade / log2(i + 2);
        }
        List<Integer> ideal =
                relevant.values().stream().sorted((a, b) -> b - a).limit(DEPTH).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        int inLanguage = (int) rankedLanguages.stream().filter(language::equals).count();
        return new QueryScores(
                reciprocalRank,
                idcg == 0 ? 0 : dcg / idcg,
                recall(top, relevant, 1),
                recall(top, relevant, DEPTH),
                ranked.size(),
                inLanguage);
    }

    private static double recall(List<String> top, Map<String, Integer> relevant, int depth) {
        long found = top.subList(0, Math.min(depth, top.size())).stream()
                .filter(relevant::containsKey)
                .count();
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
