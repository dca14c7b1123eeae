package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.MinimumSalary;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.SalaryPeriod;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.Expression;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.Formula;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.VectorInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The search requests as Qdrant receives them, built without a server: filters, prefetch depths, the vectors each
 * stage searches and the structure of the fusion formula. Weights are the shipped defaults.
 */
class OfferQueriesTest {

    static final WeightedFusionSettings DEFAULT_WEIGHTS = new WeightedFusionSettings(1.0, 1.0, 0.1, 0.5, 1.0, 0.4, 20);
    static final IndexFilter OPEN_IN_FRANCE = IndexFilter.open("fr", OfferCriteria.inCountry("FR"));
    static final float[] WINDOW = {0.6f, 0.8f};
    static final float[] SECOND_WINDOW = {0.8f, 0.6f};
    static final KeywordVector KEYWORDS = new KeywordVector(new int[] {11, -5}, new float[] {1.5f, 0.25f});

    final OfferQueries queries = new OfferQueries(
            "offers_model_v3", new FusionSettings(100), DEFAULT_WEIGHTS, SearchParams.getDefaultInstance());

    @Test
    void filterKeepsTheLanguageCountryAndOpenOffersAndLeavesOutTheExcludedOne() {
        UUID excluded = UUID.randomUUID();
        Filter filter = OfferQueries.filter(
                new IndexFilter(Optional.of("de"), true, Optional.of(excluded), OfferCriteria.inCountry("AT")));

        assertEquals(List.of("language=de", "status=OPEN", "country=AT"), keywordMatches(filter.getMustList()));
        assertEquals(1, filter.getMustNotCount());
        assertEquals(
                List.of(excluded.toString()),
                filter.getMustNot(0).getHasId().getHasIdList().stream()
                        .map(id -> id.getUuid())
                        .toList());
        assertEquals(0, filter.getShouldCount());
    }

    @Test
    void similarOffersInAnyLanguageIncludingClosedOnesAreFilteredOnlyByTheExclusion() {
        Filter filter = OfferQueries.filter(
                new IndexFilter(Optional.empty(), false, Optional.of(UUID.randomUUID()), OfferCriteria.ANY));

        assertEquals(0, filter.getMustCount());
        assertEquals(1, filter.getMustNotCount());
    }

    @Test
    void everyCriterionIsOneConditionOnItsIndexedPayloadField() {
        OfferCriteria criteria = new OfferCriteria(
                "fr",
                false,
                Set.of(EmploymentType.PART_TIME, EmploymentType.FULL_TIME),
                LocalDate.parse("2026-11-20"),
                "  Saint-Étienne ",
                new MinimumSalary(new BigDecimal("3000"), "EUR", SalaryPeriod.MONTH));

        Map<String, Condition> must = OfferQueries.filter(IndexFilter.open("fr", criteria)).getMustList().stream()
                .collect(Collectors.toMap(c -> c.getField().getKey(), c -> c));

        assertEquals("FR", must.get(OfferPoints.COUNTRY).getField().getMatch().getKeyword());
        assertFalse(must.get(OfferPoints.REMOTE).getField().getMatch().getBoolean());
        assertEquals(
                List.of("FULL_TIME", "PART_TIME"),
                must.get(OfferPoints.EMPLOYMENT_TYPE)
                        .getField()
                        .getMatch()
                        .getKeywords()
                        .getStringsList(),
                "any of the types");
        assertEquals(
                Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(),
                must.get(OfferPoints.DATE_POSTED)
                        .getField()
                        .getDatetimeRange()
                        .getGte()
                        .getSeconds(),
                "posted on or after the day");
        assertEquals(
                "saint-etienne",
                must.get(OfferPoints.CITY_KEY).getField().getMatch().getKeyword());
        assertEquals(
                "EUR",
                must.get(OfferPoints.SALARY_CURRENCY).getField().getMatch().getKeyword());
        assertEquals(
                36_000.0,
                must.get(OfferPoints.SALARY_PER_YEAR).getField().getRange().getGte(),
                "3,000 a month is 36,000 a year");
        assertEquals(9, must.size(), "language and status, then the six criteria");
    }

    @Test
    void facetRequestCountsExactlyEveryValueOfOneFieldUnderTheFilter() {
        FacetCounts request = queries.facet(OPEN_IN_FRANCE, OfferPoints.EMPLOYMENT_TYPE);

        assertEquals("offers_model_v3", request.getCollectionName());
        assertEquals(OfferPoints.EMPLOYMENT_TYPE, request.getKey());
        assertTrue(request.getExact(), "exact counts, not estimates");
        assertEquals(OfferQueries.FACET_VALUES, request.getLimit());
        assertEquals(
                List.of("language=fr", "status=OPEN", "country=FR"),
                keywordMatches(request.getFilter().getMustList()));
    }

    @Test
    void denseQueryIsOneNearestSearchOnTheOfferVectorPagedByQdrant() {
        QueryPoints request = queries.ranked(IndexQuery.dense(WINDOW, OPEN_IN_FRANCE, 10, 20));

        assertEquals("offers_model_v3", request.getCollectionName());
        assertEquals(OfferPoints.DENSE_VECTOR, request.getUsing());
        assertEquals(List.of(0.6f, 0.8f), dense(request.getQuery()));
        assertEquals(10, request.getLimit());
        assertEquals(20, request.getOffset());
        assertEquals(
                List.of("language=fr", "status=OPEN", "country=FR"),
                keywordMatches(request.getFilter().getMustList()));
        assertEquals(0, request.getPrefetchCount());
        assertFalse(request.getWithPayload().getEnable(), "ids and scores only: offers are read from PostgreSQL");
    }

    @Test
    void keywordQueryIsOneSparseSearchOnTheKeywordVector() {
        QueryPoints request = queries.ranked(new IndexQuery(null, KEYWORDS, OPEN_IN_FRANCE, 5, 0, true));

        assertEquals(OfferPoints.KEYWORD_VECTOR, request.getUsing());
        assertEquals(
                List.of(11, -5), request.getQuery().getNearest().getSparse().getIndicesList());
        assertEquals(
                List.of(1.5f, 0.25f),
                request.getQuery().getNearest().getSparse().getValuesList());
        assertEquals(5, request.getLimit());
        assertEquals(0, request.getPrefetchCount());
    }

    @Test
    void hybridQueryReadsTheMergedCandidateIdsOnce() {
        IndexQuery query = new IndexQuery(List.of(WINDOW), KEYWORDS, OPEN_IN_FRANCE, 10, 0, true);

        QueryPoints candidates = queries.candidates(query);

        assertEquals("offers_model_v3", candidates.getCollectionName());
        assertEquals(
                OfferQueries.CANDIDATE_RRF_K, candidates.getQuery().getRrf().getK());
        assertEquals(200, candidates.getLimit(), "both lists whole");
        assertFalse(candidates.getWithPayload().getEnable(), "ids only");
        assertEquals(
                List.of("language=fr", "status=OPEN", "country=FR"),
                keywordMatches(candidates.getFilter().getMustList()));
        PrefetchQuery denseList = candidates.getPrefetch(0);
        PrefetchQuery keywordList = candidates.getPrefetch(1);
        assertEquals(OfferPoints.DENSE_VECTOR, denseList.getUsing());
        assertEquals(List.of(0.6f, 0.8f), dense(denseList.getQuery()));
        assertEquals(OfferPoints.KEYWORD_VECTOR, keywordList.getUsing());
        assertEquals(
                List.of(11, -5), keywordList.getQuery().getNearest().getSparse().getIndicesList());
        assertEquals(List.of(100L, 100L), List.of(denseList.getLimit(), keywordList.getLimit()), "candidates deep");
        assertEquals(
                List.of(candidates.getFilter(), candidates.getFilter()),
                List.of(denseList.getFilter(), keywordList.getFilter()));
        assertThrows(IllegalArgumentException.class, () -> queries.ranked(query), "hybrid takes two requests");
    }

    @Test
    void hybridQueryRescoresOnlyTheCandidatesByOfferVectorPassagesAndKeywords() {
        IndexQuery query = new IndexQuery(List.of(WINDOW), KEYWORDS, OPEN_IN_FRANCE, 10, 0, true);
        List<PointId> candidates = List.of(
                PointIdFactory.id(UUID.randomUUID()),
                PointIdFactory.id(UUID.randomUUID()),
                PointIdFactory.id(UUID.randomUUID()));

        QueryPoints request = queries.fused(query, candidates);

        assertEquals(10, request.getLimit());
        assertEquals(0, request.getOffset());
        assertFalse(request.hasUsing(), "the formula, not a vector, orders the results");
        assertFalse(request.getWithPayload().getEnable(), "ids and scores only: offers are read from PostgreSQL");
        List<PrefetchQuery> rescorings = request.getPrefetchList();
        assertEquals(
                List.of(OfferPoints.DENSE_VECTOR, OfferPoints.PASSAGE_VECTORS, OfferPoints.KEYWORD_VECTOR),
                rescorings.stream().map(PrefetchQuery::getUsing).toList(),
                "in the order of $score[0..2]");
        assertEquals(List.of(0.6f, 0.8f), dense(rescorings.get(0).getQuery()));
        assertEquals(List.of(List.of(0.6f, 0.8f)), multiDense(rescorings.get(1).getQuery()));
        assertEquals(
                List.of(11, -5),
                rescorings.get(2).getQuery().getNearest().getSparse().getIndicesList());
        for (PrefetchQuery rescoring : rescorings) {
            assertEquals(0, rescoring.getPrefetchCount(), "no candidate search repeated");
            assertEquals(3, rescoring.getLimit(), "every candidate is re-scored");
            assertEquals(
                    List.of("language=fr", "status=OPEN", "country=FR"),
                    keywordMatches(rescoring.getFilter().getMustList().subList(0, 3)),
                    "the query's filter");
            assertEquals(
                    candidates, rescoring.getFilter().getMust(3).getHasId().getHasIdList(), "and the candidates only");
        }

        Formula formula = request.getQuery().getFormula();
        assertEquals(
                "sum(mult(1.0, $score[0]), mult(1.0, mult(1.0, $score[1])), "
                        + "mult(0.1, div($score[2], sum($score[2], 20.0))))",
                render(formula.getExpression()));
        assertEquals(
                Map.of("$score[0]", 0.0, "$score[1]", 0.0, "$score[2]", 0.0),
                defaults(formula),
                "a candidate missing from a re-scoring scores 0 there");
    }

    @Test
    void languageTheModelWasNotTrainedForWeighsKeywordsMoreAndTheOfferVectorLess() {
        QueryPoints request = queries.fused(
                new IndexQuery(List.of(WINDOW), KEYWORDS, OPEN_IN_FRANCE, 10, 0, false), List.of(PointIdFactory.id(1)));

        assertEquals(
                "sum(mult(0.5, $score[0]), mult(1.0, mult(1.0, $score[1])), "
                        + "mult(0.4, div($score[2], sum($score[2], 20.0))))",
                render(request.getQuery().getFormula().getExpression()));
    }

    @Test
    void candidateListsReachOnePagePastADeepOffset() {
        IndexQuery query = new IndexQuery(List.of(WINDOW), KEYWORDS, OPEN_IN_FRANCE, 20, 190, true);

        QueryPoints candidates = queries.candidates(query);
        QueryPoints fused = queries.fused(query, List.of(PointIdFactory.id(1)));

        assertEquals(420, candidates.getLimit());
        assertEquals(
                List.of(210L, 210L),
                candidates.getPrefetchList().stream()
                        .map(PrefetchQuery::getLimit)
                        .toList());
        assertEquals(190, fused.getOffset());
        assertEquals(20, fused.getLimit());
    }

    @Test
    void longCvHybridQueryMergesItsWindowsAndTakesASmoothMaximumOfTheirCosines() {
        IndexQuery query = new IndexQuery(List.of(WINDOW, SECOND_WINDOW), KEYWORDS, OPEN_IN_FRANCE, 10, 0, true);

        PrefetchQuery denseList = queries.candidates(query).getPrefetch(0);
        assertEquals(OfferQueries.CANDIDATE_RRF_K, denseList.getQuery().getRrf().getK(), "windows merged by rank");
        assertEquals(100, denseList.getLimit());
        assertEquals(
                List.of(List.of(0.6f, 0.8f), List.of(0.8f, 0.6f)),
                denseList.getPrefetchList().stream()
                        .map(window -> dense(window.getQuery()))
                        .toList());
        assertEquals(
                List.of(100L, 100L),
                denseList.getPrefetchList().stream()
                        .map(PrefetchQuery::getLimit)
                        .toList());

        QueryPoints request = queries.fused(query, List.of(PointIdFactory.id(1)));
        List<PrefetchQuery> rescorings = request.getPrefetchList();
        assertEquals(
                List.of(
                        OfferPoints.DENSE_VECTOR,
                        OfferPoints.DENSE_VECTOR,
                        OfferPoints.PASSAGE_VECTORS,
                        OfferPoints.KEYWORD_VECTOR),
                rescorings.stream().map(PrefetchQuery::getUsing).toList());
        assertEquals(List.of(0.6f, 0.8f), dense(rescorings.get(0).getQuery()));
        assertEquals(List.of(0.8f, 0.6f), dense(rescorings.get(1).getQuery()));
        assertEquals(
                List.of(List.of(0.6f, 0.8f), List.of(0.8f, 0.6f)),
                multiDense(rescorings.get(2).getQuery()),
                "each window's best passage");

        Formula formula = request.getQuery().getFormula();
        assertEquals(
                "sum(mult(1.0, mult(0.01, ln(sum(exp(mult(100.0, $score[0])), exp(mult(100.0, $score[1])))))), "
                        + "mult(1.0, mult(0.5, $score[2])), mult(0.1, div($score[3], sum($score[3], 20.0))))",
                render(formula.getExpression()));
        assertEquals(4, formula.getDefaultsCount());
    }

    @Test
    void hybridQueryWhoseWordsAreAllStopWordsIsADenseSearch() {
        QueryPoints request = queries.ranked(new IndexQuery(
                List.of(WINDOW), new KeywordVector(new int[0], new float[0]), OPEN_IN_FRANCE, 10, 0, true));

        assertEquals(OfferPoints.DENSE_VECTOR, request.getUsing());
        assertEquals(0, request.getPrefetchCount());
    }

    @Test
    void denseQueryOfSeveralWindowsIsOneRequestPerWindowReadingToTheEndOfThePage() {
        IndexQuery query = new IndexQuery(List.of(WINDOW, SECOND_WINDOW), null, OPEN_IN_FRANCE, 10, 20, true);

        List<QueryPoints> requests = queries.perWindow(query);

        assertEquals(
                List.of(List.of(0.6f, 0.8f), List.of(0.8f, 0.6f)),
                requests.stream().map(request -> dense(request.getQuery())).toList());
        for (QueryPoints request : requests) {
            assertEquals(OfferPoints.DENSE_VECTOR, request.getUsing());
            assertEquals(30, request.getLimit());
            assertFalse(request.hasOffset(), "the merged list is paged, not each window's");
            assertEquals(
                    List.of("language=fr", "status=OPEN", "country=FR"),
                    keywordMatches(request.getFilter().getMustList()));
        }
        assertThrows(IllegalArgumentException.class, () -> queries.ranked(query));
    }

    @Test
    void queryOfStopWordsOnlyHasNoRequest() {
        IndexQuery query =
                new IndexQuery(null, new KeywordVector(new int[0], new float[0]), OPEN_IN_FRANCE, 10, 0, true);

        assertTrue(query.matchesNothing());
        assertThrows(IllegalArgumentException.class, () -> queries.ranked(query));
    }

    private static List<String> keywordMatches(List<Condition> conditions) {
        return conditions.stream()
                .map(condition -> condition.getField().getKey() + "="
                        + condition.getField().getMatch().getKeyword())
                .toList();
    }

    private static List<Float> dense(Query query) {
        VectorInput nearest = query.getNearest();
        assertEquals(VectorInput.VariantCase.DENSE, nearest.getVariantCase(), query.toString());
        return nearest.getDense().getDataList();
    }

    private static List<List<Float>> multiDense(Query query) {
        VectorInput nearest = query.getNearest();
        assertEquals(VectorInput.VariantCase.MULTI_DENSE, nearest.getVariantCase(), query.toString());
        return nearest.getMultiDense().getVectorsList().stream()
                .map(vector -> vector.getDataList())
                .toList();
    }

    private static Map<String, Double> defaults(Formula formula) {
        return formula.getDefaultsMap().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().getDoubleValue()));
    }

    /** The formula as text: {@code sum(...)}, {@code mult(...)}, {@code div(left, right)}, constants, variables. */
    private static String render(Expression expression) {
        return switch (expression.getVariantCase()) {
            case CONSTANT -> Float.toString(expression.getConstant());
            case VARIABLE -> expression.getVariable();
            case SUM -> "sum(" + render(expression.getSum().getSumList()) + ")";
            case MULT -> "mult(" + render(expression.getMult().getMultList()) + ")";
            case DIV ->
                "div("
                        + render(List.of(
                                expression.getDiv().getLeft(),
                                expression.getDiv().getRight())) + ")";
            case LN -> "ln(" + render(expression.getLn()) + ")";
            case EXP -> "exp(" + render(expression.getExp()) + ")";
            default -> throw new AssertionError("unexpected expression " + expression);
        };
    }

    private static String render(List<Expression> expressions) {
        return expressions.stream().map(OfferQueriesTest::render).collect(Collectors.joining(", "));
    }
}
