package io.jobmatch.index;

import static io.jobmatch.index.OfferPoints.CITY_KEY;
import static io.jobmatch.index.OfferPoints.COUNTRY;
import static io.jobmatch.index.OfferPoints.DATE_POSTED;
import static io.jobmatch.index.OfferPoints.DENSE_VECTOR;
import static io.jobmatch.index.OfferPoints.EMPLOYMENT_TYPE;
import static io.jobmatch.index.OfferPoints.KEYWORD_VECTOR;
import static io.jobmatch.index.OfferPoints.LANGUAGE;
import static io.jobmatch.index.OfferPoints.PASSAGE_VECTORS;
import static io.jobmatch.index.OfferPoints.REMOTE;
import static io.jobmatch.index.OfferPoints.SALARY_CURRENCY;
import static io.jobmatch.index.OfferPoints.SALARY_PER_YEAR;
import static io.jobmatch.index.OfferPoints.STATUS;
import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.google.protobuf.Timestamp;
import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.OfferCriteria;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.SearchParams;
import java.time.Instant;
import java.util.List;

/**
 * Builds the Query API requests of offer searches, and sends none: the payload filter, the candidate prefetches and,
 * for a hybrid query, the {@link WeightedFusion} that scores the candidates. Every prefetch repeats the query's
 * filter, so each candidate list is read among the allowed offers only.
 */
final class OfferQueries {

    /**
     * Rank constant of the rank fusions that only gather candidates for the formula. It matters for a long CV, whose
     * windows' lists are merged and cut to one dense list; 3 trusts the top of each list, the constant that measured
     * best when rank fusion ordered hybrid results (docs/search-quality.md, step 6).
     */
    static final int CANDIDATE_RRF_K = 3;

    /** More values than any faceted field has (about 250 countries), so a facet is never cut short. */
    static final int FACET_VALUES = 1_000;

    private final String collection;
    private final FusionSettings fusion;
    private final WeightedFusionSettings weights;
    private final SearchParams params;
    private final WeightedFusion weighted;

    /** @param params how every dense nearest-neighbour search reads the graph (ef, quantization, exact) */
    OfferQueries(String collection, FusionSettings fusion, WeightedFusionSettings weights, SearchParams params) {
        this.collection = collection;
        this.fusion = fusion;
        this.weights = weights;
        this.params = params;
        this.weighted = new WeightedFusion(DENSE_VECTOR, PASSAGE_VECTORS, KEYWORD_VECTOR, params);
    }

    /**
     * The same queries read exhaustively (no graph, no quantization): the reference that measures how much the
     * approximate search misses (bench-search's recall).
     */
    OfferQueries exact() {
        return new OfferQueries(
                collection,
                fusion,
                weights,
                SearchParams.newBuilder().setExact(true).build());
    }

    /** Which offers a query may return, as a Qdrant payload filter on indexed fields; conditions combine with AND. */
    static Filter filter(IndexFilter filter) {
        Filter.Builder qdrant = Filter.newBuilder();
        filter.language().ifPresent(language -> qdrant.addMust(matchKeyword(LANGUAGE, language)));
        if (filter.openOnly()) {
            qdrant.addMust(matchKeyword(STATUS, "OPEN"));
        }
        OfferCriteria criteria = filter.criteria();
        if (criteria.country() != null) {
            qdrant.addMust(matchKeyword(COUNTRY, criteria.country()));
        }
        if (criteria.remote() != null) {
            qdrant.addMust(match(REMOTE, criteria.remote()));
        }
        if (!criteria.employmentTypes().isEmpty()) {
            qdrant.addMust(matchKeywords(
                    EMPLOYMENT_TYPE,
                    criteria.employmentTypes().stream().map(Enum::name).toList()));
        }
        if (criteria.postedAfter() != null) {
            Instant start = OfferPoints.startOfDay(criteria.postedAfter());
            qdrant.addMust(datetimeRange(
                    DATE_POSTED,
                    DatetimeRange.newBuilder()
                            .setGte(Timestamp.newBuilder().setSeconds(start.getEpochSecond()))
                            .build()));
        }
        if (criteria.city() != null) {
            qdrant.addMust(matchKeyword(CITY_KEY, criteria.city()));
        }
        if (criteria.minSalary() != null) {
            qdrant.addMust(matchKeyword(SALARY_CURRENCY, criteria.minSalary().currency()));
            qdrant.addMust(range(
                    SALARY_PER_YEAR,
                    Range.newBuilder()
                            .setGte(criteria.minSalary().perYear().doubleValue())
                            .build()));
        }
        filter.excluded().ifPresent(excluded -> qdrant.addMustNot(hasId(id(excluded))));
        return qdrant.build();
    }

    /**
     * Exact counts of the offers passing {@code filter}, per value of the payload field {@code key}, all values
     * (the most a field can have is the number of countries).
     */
    FacetCounts facet(IndexFilter filter, String key) {
        return FacetCounts.newBuilder()
                .setCollectionName(collection)
                .setKey(key)
                .setFilter(filter(filter))
                .setExact(true)
                .setLimit(FACET_VALUES)
                .build();
    }

    /**
     * The one request that ranks a single-window dense or a keyword query; Qdrant applies offset and limit.
     *
     * @throws IllegalArgumentException for a query that {@linkplain IndexQuery#matchesNothing() matches nothing}, is
     *                                  {@linkplain IndexQuery#isMultiWindowDense() ranked per window} or is
     *                                  {@linkplain IndexQuery#isHybrid() hybrid} (two requests: {@link #candidates}
     *                                  then {@link #fused})
     */
    QueryPoints ranked(IndexQuery query) {
        if (query.matchesNothing() || query.isMultiWindowDense() || query.isHybrid()) {
            throw new IllegalArgumentException("no single request ranks this query");
        }
        QueryPoints.Builder request =
                request(filter(query.filter())).setLimit(query.limit()).setOffset(query.offset());
        if (query.dense() != null) {
            request.setQuery(QueryFactory.nearest(query.dense().getFirst()))
                    .setUsing(DENSE_VECTOR)
                    .setParams(params);
        } else {
            request.setQuery(sparse(query.keywords())).setUsing(KEYWORD_VECTOR);
        }
        return request.build();
    }

    /**
     * The first request of a hybrid query: the ids of its dense and keyword candidates, each list {@code candidates}
     * deep (at least one page past the offset), merged whole (rank fusion here only gathers them).
     */
    QueryPoints candidates(IndexQuery query) {
        requireHybrid(query);
        Filter filter = filter(query.filter());
        int depth = depth(query);
        PrefetchQuery keywordList = PrefetchQuery.newBuilder()
                .setQuery(sparse(query.keywords()))
                .setUsing(KEYWORD_VECTOR)
                .setFilter(filter)
                .setLimit(depth)
                .build();
        return request(filter)
                .addPrefetch(denseCandidates(query.dense(), filter, depth))
                .addPrefetch(keywordList)
                .setQuery(candidateRrf())
                .setLimit(2 * depth)
                .build();
    }

    /**
     * The second request of a hybrid query: the {@link #candidates} re-scored by offer vector, passages and keywords,
     * the scores added by the {@link WeightedFusion} formula; Qdrant applies offset and limit.
     */
    QueryPoints fused(IndexQuery query, List<PointId> candidates) {
        requireHybrid(query);
        Filter filter = filter(query.filter());
        return request(filter)
                .addAllPrefetch(weighted.prefetches(candidates, query.dense(), sparse(query.keywords()), filter))
                .setQuery(weighted.formula(
                        query.dense().size(), WeightedFusion.Weights.of(weights, query.modelCoversLanguage())))
                .setLimit(query.limit())
                .setOffset(query.offset())
                .build();
    }

    private static void requireHybrid(IndexQuery query) {
        if (!query.isHybrid()) {
            throw new IllegalArgumentException("only a hybrid query is fused");
        }
    }

    private int depth(IndexQuery query) {
        return Math.max(fusion.candidates(), query.offset() + query.limit());
    }

    /**
     * Dense mode with a multi-window query: one request per window, each for the first offset + limit offers, so that
     * the caller can keep each offer's best cosine over the windows and page the merged list itself.
     */
    List<QueryPoints> perWindow(IndexQuery query) {
        Filter filter = filter(query.filter());
        return query.dense().stream()
                .map(window -> request(filter)
                        .setQuery(QueryFactory.nearest(window))
                        .setUsing(DENSE_VECTOR)
                        .setParams(params)
                        .setLimit(query.offset() + query.limit())
                        .build())
                .toList();
    }

    private QueryPoints.Builder request(Filter filter) {
        return QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(filter)
                .setWithPayload(enable(false));
    }

    /**
     * The dense candidate list of a hybrid query. For a multi-window query each window is searched on its own and the
     * lists are fused by rank inside Qdrant, so an offer close to any one window ranks high.
     */
    private PrefetchQuery denseCandidates(List<float[]> windows, Filter filter, int depth) {
        if (windows.size() == 1) {
            return nearestPrefetch(windows.getFirst(), filter, depth);
        }
        PrefetchQuery.Builder fused =
                PrefetchQuery.newBuilder().setFilter(filter).setLimit(depth).setQuery(candidateRrf());
        windows.forEach(window -> fused.addPrefetch(nearestPrefetch(window, filter, depth)));
        return fused.build();
    }

    private PrefetchQuery nearestPrefetch(float[] vector, Filter filter, int depth) {
        return PrefetchQuery.newBuilder()
                .setQuery(QueryFactory.nearest(vector))
                .setUsing(DENSE_VECTOR)
                .setParams(params)
                .setFilter(filter)
                .setLimit(depth)
                .build();
    }

    private static Query candidateRrf() {
        return QueryFactory.rrf(Rrf.newBuilder().setK(CANDIDATE_RRF_K).build());
    }

    private static Query sparse(KeywordVector keywords) {
        return QueryFactory.nearest(keywords.valueList(), keywords.indexList());
    }
}
