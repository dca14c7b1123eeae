package io.jobmatch.index;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ExpressionFactory.constant;
import static io.qdrant.client.ExpressionFactory.div;
import static io.qdrant.client.ExpressionFactory.exp;
import static io.qdrant.client.ExpressionFactory.ln;
import static io.qdrant.client.ExpressionFactory.mult;
import static io.qdrant.client.ExpressionFactory.sum;
import static io.qdrant.client.ExpressionFactory.variable;
import static io.qdrant.client.ValueFactory.value;

import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DivExpression;
import io.qdrant.client.grpc.Points.Expression;
import io.qdrant.client.grpc.Points.Formula;
import io.qdrant.client.grpc.Points.MultExpression;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.SumExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * The hybrid fusion as Qdrant Query API requests. The candidates (the dense and keyword lists, merged) are read once,
 * as ids; the second request re-scores exactly those ids three ways inside Qdrant, so every candidate has all three
 * scores whichever list found it: by the whole-offer vector (one prefetch per query window), by the offer's passages
 * (multivector, MAX_SIM) and by the keyword vector; a score formula then adds them up with
 * {@link WeightedFusionSettings}' weights. Qdrant re-scores a nested prefetch the same way (a search restricted to
 * the prefetched ids), but a prefetch shared by three re-scorings is run three times; the ids are not.
 * <p>
 * For a multi-window query (a long CV) the dense term is a smooth maximum over the windows,
 * {@code t · ln Σ exp(cosine / t)} with t = {@value #SMOOTH_MAX_TEMPERATURE}: Qdrant's formulas have no max, and this
 * keeps the best-window rule of dense search (the smooth maximum exceeds the true one by at most t · ln(windows)).
 * The passage term is MAX_SIM divided by the number of windows: each window's best passage, averaged.
 */
final class WeightedFusion {

    static final float SMOOTH_MAX_TEMPERATURE = 0.01f;

    private final String denseVector;
    private final String passageVectors;
    private final String keywordVector;
    private final SearchParams params;

    /** @param params how candidates are re-scored: with quantization, rescored by the original vectors */
    WeightedFusion(String denseVector, String passageVectors, String keywordVector, SearchParams params) {
        this.denseVector = denseVector;
        this.passageVectors = passageVectors;
        this.keywordVector = keywordVector;
        this.params = params;
    }

    /** The weights that apply in one query's language. */
    record Weights(double dense, double passages, double keywords, double keywordSaturation) {

        static Weights of(WeightedFusionSettings settings, boolean modelCoversLanguage) {
            return modelCoversLanguage
                    ? new Weights(
                            settings.coveredDense(),
                            settings.coveredPassages(),
                            settings.coveredKeywords(),
                            settings.keywordSaturation())
                    : new Weights(
                            settings.uncoveredDense(),
                            settings.uncoveredPassages(),
                            settings.uncoveredKeywords(),
                            settings.keywordSaturation());
        }
    }

    /**
     * The re-scoring prefetches, in the order the formula's {@code $score[i]} refer to them: each scores the
     * candidates, and only them, among the offers {@code filter} allows.
     */
    List<PrefetchQuery> prefetches(List<PointId> candidates, List<float[]> windows, Query keywords, Filter filter) {
        Filter onlyCandidates = filter.toBuilder().addMust(hasId(candidates)).build();
        List<PrefetchQuery> prefetches = new ArrayList<>(windows.size() + 2);
        windows.forEach(window ->
                prefetches.add(rescore(QueryFactory.nearest(window), denseVector, onlyCandidates, candidates.size())));
        prefetches.add(rescore(
                QueryFactory.nearest(windows.toArray(float[][]::new)),
                passageVectors,
                onlyCandidates,
                candidates.size()));
        prefetches.add(rescore(keywords, keywordVector, onlyCandidates, candidates.size()));
        return prefetches;
    }

    /**
     * The score formula over {@link #prefetches}. A candidate missing from a re-scoring (no shared keyword, no stored
     * passages) scores 0 there.
     */
    Query formula(int windows, Weights weights) {
        Formula.Builder formula = Formula.newBuilder();
        List<Expression> windowScores = new ArrayList<>(windows);
        for (int i = 0; i < windows + 2; i++) {
            formula.putDefaults(score(i), value(0.0));
            if (i < windows) {
                windowScores.add(variable(score(i)));
            }
        }
        Expression dense = windows == 1 ? windowScores.getFirst() : smoothMax(windowScores);
        Expression passages = times(1.0 / windows, variable(score(windows)));
        Expression bm25 = variable(score(windows + 1));
        Expression keywords = div(DivExpression.newBuilder()
                .setLeft(bm25)
                .setRight(sumOf(List.of(bm25, constant((float) weights.keywordSaturation()))))
                .build());
        return QueryFactory.formula(formula.setExpression(sumOf(List.of(
                        times(weights.dense(), dense),
                        times(weights.passages(), passages),
                        times(weights.keywords(), keywords))))
                .build());
    }

    private static Expression smoothMax(List<Expression> scores) {
        return times(
                SMOOTH_MAX_TEMPERATURE,
                ln(sumOf(scores.stream()
                        .map(score -> exp(times(1.0 / SMOOTH_MAX_TEMPERATURE, score)))
                        .toList())));
    }

    private static Expression sumOf(List<Expression> terms) {
        return sum(SumExpression.newBuilder().addAllSum(terms).build());
    }

    private static Expression times(double factor, Expression expression) {
        return mult(MultExpression.newBuilder()
                .addAllMult(List.of(constant((float) factor), expression))
                .build());
    }

    private PrefetchQuery rescore(Query query, String using, Filter filter, int candidates) {
        return PrefetchQuery.newBuilder()
                .setQuery(query)
                .setUsing(using)
                .setParams(params)
                .setFilter(filter)
                .setLimit(candidates)
                .build();
    }

    private static String score(int prefetch) {
        return "$score[" + prefetch + "]";
    }
}
