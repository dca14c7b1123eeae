package io.jobmatch.index;

import com.google.common.util.concurrent.ListenableFuture;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.Offer;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Datatype;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

/**
 * Qdrant adapter: one point per offer (id = offer UUID) holding the offer's dense vector, its BM25 keyword vector
 * (sparse, IDF applied by Qdrant), its description's passages for highlights, and the payload fields that searches
 * filter on, each with a payload index (an unindexed filter makes filtered search scan everything).
 */
@Singleton
public class OfferIndex {

    static final String DENSE_VECTOR = "dense";
    static final String KEYWORD_VECTOR = "keywords";
    static final String PASSAGE_VECTORS = "passages";
    static final String PASSAGE_TEXTS = "passages";
    /**
     * Layout of the collection, part of its name: a collection made before the keyword and passage vectors existed
     * (no suffix), or before passages were cut at semicolons and embedded as queries (v2), is never reused, and
     * OfferIndexer fills the new one from PostgreSQL at startup.
     */
    static final String LAYOUT = "v3";
    private static final Map<String, PayloadSchemaType> FILTERED_FIELDS = Map.of(
            "language", PayloadSchemaType.Keyword,
            "country", PayloadSchemaType.Keyword,
            "status", PayloadSchemaType.Keyword,
            "employmentType", PayloadSchemaType.Keyword,
            "remote", PayloadSchemaType.Bool);

    private final QdrantClient client;
    private final QdrantSettings settings;
    private final FusionSettings fusion;
    private final WeightedFusionSettings weightedSettings;
    private final WeightedFusion weighted = new WeightedFusion(DENSE_VECTOR, PASSAGE_VECTORS, KEYWORD_VECTOR);
    private final String collection;
    private final int dimension;

    public OfferIndex(QdrantClient client, QdrantSettings settings, FusionSettings fusion,
                      WeightedFusionSettings weightedSettings, EmbeddingEngine engine) {
        this.client = client;
        this.settings = settings;
        this.fusion = fusion;
        this.weightedSettings = weightedSettings;
        this.collection = settings.collectionPrefix() + "_" + engine.manifest().name().replaceAll("[^A-Za-z0-9_-]", "_")
                + "_" + LAYOUT;
        this.dimension = engine.dimension();
    }

    public String collection() {
        return collection;
    }

    /** Creates the collection and its payload indexes when missing; true when it was created by this call. */
    public boolean ensureCollection() {
        if (await(client.collectionExistsAsync(collection), "check collection")) {
            return false;
        }
        VectorParams dense = VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build();
        // Passages are never searched on their own, only read back by id (highlights) or scored for the candidates
        // of a hybrid search: no HNSW graph (m = 0), half-precision, on disk.
        VectorParams passages = VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine)
                .setMultivectorConfig(MultiVectorConfig.newBuilder().setComparator(MultiVectorComparator.MaxSim))
                .setHnswConfig(HnswConfigDiff.newBuilder().setM(0))
                .setDatatype(Datatype.Float16)
                .setOnDisk(true)
                .build();
        SparseVectorParams keywords = SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build();
        await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(DENSE_VECTOR, dense)
                        .putMap(PASSAGE_VECTORS, passages)))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap(KEYWORD_VECTOR, keywords))
                .build()), "create collection");
        FILTERED_FIELDS.forEach((field, type) -> await(client.createPayloadIndexAsync(collection, field, type, null,
                true, null, null), "create payload index " + field));
        return true;
    }

    public void upsert(List<IndexedOffer> offers) {
        for (int from = 0; from < offers.size(); from += settings.upsertBatchSize()) {
            List<PointStruct> points = offers.subList(from, Math.min(offers.size(), from + settings.upsertBatchSize()))
                    .stream().map(OfferIndex::point).toList();
            await(client.upsertAsync(collection, points), "upsert points");
        }
    }

    public void delete(Collection<UUID> offerIds) {
        if (!offerIds.isEmpty()) {
            await(client.deleteAsync(collection, offerIds.stream().map(io.qdrant.client.PointIdFactory::id).toList()),
                    "delete points");
        }
    }

    /** The stored vector of an offer, if the offer is indexed. */
    public Optional<float[]> vectorOf(UUID offerId) {
        List<RetrievedPoint> points = await(client.retrieveAsync(collection, List.of(id(offerId)), false, true, null),
                "retrieve point");
        return points.stream().findFirst().map(point -> toArray(point.getVectors().getVectors().getVectorsMap()
                .get(DENSE_VECTOR).getDataList()));
    }

    public List<IndexHit> nearest(float[] vector, IndexFilter filter, int limit, int offset) {
        return search(IndexQuery.dense(vector, filter, limit, offset));
    }

    /**
     * Ranked offer ids for a dense query, a keyword query, or both fused. A hybrid query is one Query API call: dense
     * and keyword prefetches, each filtered and {@code candidates} deep (at least one page past the offset), fused
     * (see {@link #fuse}); offset and limit apply to the fused list.
     */
    public List<IndexHit> search(IndexQuery query) {
        Filter filter = toQdrant(query.filter());
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(filter)
                .setLimit(query.limit())
                .setOffset(query.offset())
                .setWithPayload(enable(false));
        boolean keywords = query.keywords() != null && !query.keywords().isEmpty();
        if (query.dense() != null && keywords) {
            fuse(request, query, filter);
        } else if (query.dense() != null && query.dense().size() > 1) {
            return bestWindow(query, filter);
        } else if (query.dense() != null) {
            request.setQuery(QueryFactory.nearest(query.dense().getFirst())).setUsing(DENSE_VECTOR);
        } else if (keywords) {
            request.setQuery(sparse(query.keywords())).setUsing(KEYWORD_VECTOR);
        } else {
            return List.of(); // only stop words: no keyword can match
        }
        List<ScoredPoint> points = await(client.queryAsync(request.build()), "query");
        return points.stream()
                .map(p -> new IndexHit(UUID.fromString(p.getId().getUuid()), p.getScore()))
                .toList();
    }

    /**
     * WEIGHTED: the two lists merged, every candidate re-scored by offer vector, passages and keywords, and the
     * scores added by a formula ({@link WeightedFusion}). RRF and DBSF: Qdrant 1.16's fusions take no weights, so a
     * list with weight n is prefetched n times; in RRF that is exactly a weight (n / (k + rank)), in DBSF n times its
     * normalised score. A repeat costs one more small search inside the same call (see docs/search-quality.md).
     */
    private void fuse(QueryPoints.Builder request, IndexQuery query, Filter filter) {
        int depth = Math.max(fusion.candidates(), query.offset() + query.limit());
        PrefetchQuery dense = denseCandidates(query.dense(), filter, depth);
        Query keywords = sparse(query.keywords());
        PrefetchQuery keywordList = PrefetchQuery.newBuilder().setQuery(keywords)
                .setUsing(KEYWORD_VECTOR).setFilter(filter).setLimit(depth).build();
        boolean covered = query.modelCoversLanguage();
        switch (fusion.method()) {
            case WEIGHTED -> {
                // RRF here only merges the two lists; the formula alone orders them.
                PrefetchQuery candidates = PrefetchQuery.newBuilder().addPrefetch(dense).addPrefetch(keywordList)
                        .setQuery(rrf()).setFilter(filter).setLimit(2 * depth).build();
                request.addAllPrefetch(weighted.prefetches(candidates, query.dense(), keywords, filter, 2 * depth))
                        .setQuery(weighted.formula(query.dense().size(),
                                WeightedFusion.Weights.of(weightedSettings, covered)));
            }
            case RRF, DBSF -> request
                    .addAllPrefetch(Collections.nCopies(covered ? fusion.coveredDenseWeight()
                            : fusion.uncoveredDenseWeight(), dense))
                    .addAllPrefetch(Collections.nCopies(covered ? fusion.coveredKeywordWeight()
                            : fusion.uncoveredKeywordWeight(), keywordList))
                    .setQuery(fusion.method() == FusionSettings.FusionMethod.RRF
                            ? rrf()
                            : QueryFactory.fusion(Fusion.DBSF));
        }
    }

    /**
     * The dense candidate list of a hybrid query. For a multi-window query each window is searched on its own and the
     * lists are fused by rank inside Qdrant, so an offer close to any one window ranks high.
     */
    private PrefetchQuery denseCandidates(List<float[]> windows, Filter filter, int depth) {
        if (windows.size() == 1) {
            return nearestPrefetch(windows.getFirst(), filter, depth);
        }
        PrefetchQuery.Builder fused = PrefetchQuery.newBuilder().setFilter(filter).setLimit(depth)
                .setQuery(rrf());
        windows.forEach(window -> fused.addPrefetch(nearestPrefetch(window, filter, depth)));
        return fused.build();
    }

    private Query rrf() {
        return QueryFactory.rrf(Rrf.newBuilder().setK(fusion.rrfK()).build());
    }

    private static PrefetchQuery nearestPrefetch(float[] vector, Filter filter, int depth) {
        return PrefetchQuery.newBuilder().setQuery(QueryFactory.nearest(vector))
                .setUsing(DENSE_VECTOR).setFilter(filter).setLimit(depth).build();
    }

    /**
     * Dense mode with a multi-window query: each window searched on its own, each offer keeping its best cosine
     * similarity over the windows (measured best for long CVs, embeddings/README.md), so the score stays a cosine.
     */
    private List<IndexHit> bestWindow(IndexQuery query, Filter filter) {
        Map<UUID, Double> best = new HashMap<>();
        for (float[] window : query.dense()) {
            QueryPoints request = QueryPoints.newBuilder().setCollectionName(collection).setFilter(filter)
                    .setQuery(QueryFactory.nearest(window)).setUsing(DENSE_VECTOR)
                    .setLimit(query.offset() + query.limit()).setWithPayload(enable(false)).build();
            for (ScoredPoint point : await(client.queryAsync(request), "query")) {
                best.merge(UUID.fromString(point.getId().getUuid()), (double) point.getScore(), Math::max);
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed())
                .skip(query.offset())
                .limit(query.limit())
                .map(hit -> new IndexHit(hit.getKey(), hit.getValue()))
                .toList();
    }

    /** The stored passages of each offer that has them; offers indexed without passages are absent. */
    public Map<UUID, OfferPassages> passagesOf(Collection<UUID> offerIds) {
        if (offerIds.isEmpty()) {
            return Map.of();
        }
        List<RetrievedPoint> points = await(client.retrieveAsync(collection,
                offerIds.stream().map(io.qdrant.client.PointIdFactory::id).toList(),
                WithPayloadSelectorFactory.include(List.of(PASSAGE_TEXTS)),
                WithVectorsSelectorFactory.include(List.of(PASSAGE_VECTORS)), null), "retrieve passages");
        Map<UUID, OfferPassages> passages = new HashMap<>();
        for (RetrievedPoint point : points) {
            VectorOutput vectors = point.getVectors().getVectors().getVectorsMap().get(PASSAGE_VECTORS);
            Value texts = point.getPayloadMap().get(PASSAGE_TEXTS);
            if (vectors == null || texts == null) {
                continue;
            }
            List<String> textList = texts.getListValue().getValuesList().stream().map(Value::getStringValue).toList();
            // The helper reads both layouts: Qdrant 1.16 still answers with the flat, deprecated one.
            List<float[]> vectorList = VectorOutputHelper.getMultiVector(vectors).getVectorsList().stream()
                    .map(vector -> toArray(vector.getDataList())).toList();
            if (textList.size() == vectorList.size()) {
                passages.put(UUID.fromString(point.getId().getUuid()), new OfferPassages(textList, vectorList));
            }
        }
        return passages;
    }

    /**
     * Waits until Qdrant has finished optimising the collection (status green: segments merged, HNSW graphs built),
     * so that what is searched next is the settled index a live service searches, not a half-built one.
     *
     * @return false when it was still busy at the deadline
     */
    public boolean awaitOptimised(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (await(client.getCollectionInfoAsync(collection), "collection info").getStatus()
                != CollectionStatus.Green) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Deletes the whole collection: for throw-away collections (evaluation), never the live one. */
    public void drop() {
        await(client.deleteCollectionAsync(collection), "delete collection");
    }

    public long count() {
        return await(client.countAsync(collection), "count points");
    }

    /** True when Qdrant answers its health check. */
    public boolean isReachable() {
        try {
            await(client.healthCheckAsync(), "health check");
            return true;
        } catch (IndexUnavailableException e) {
            return false;
        }
    }

    private static Filter toQdrant(IndexFilter filter) {
        Filter.Builder qdrant = Filter.newBuilder();
        filter.language().ifPresent(language -> qdrant.addMust(matchKeyword("language", language)));
        filter.country().ifPresent(country -> qdrant.addMust(matchKeyword("country", country)));
        if (filter.openOnly()) {
            qdrant.addMust(matchKeyword("status", "OPEN"));
        }
        filter.excluded().ifPresent(excluded -> qdrant.addMustNot(hasId(id(excluded))));
        return qdrant.build();
    }

    private static PointStruct point(IndexedOffer indexed) {
        Offer offer = indexed.offer();
        Map<String, Value> payload = new HashMap<>();
        payload.put("language", value(offer.language()));
        payload.put("status", value(offer.status().name()));
        payload.put("source", value(offer.source()));
        if (offer.country() != null) {
            payload.put("country", value(offer.country()));
        }
        if (offer.employmentType() != null) {
            payload.put("employmentType", value(offer.employmentType().name()));
        }
        if (offer.remote() != null) {
            payload.put("remote", value(offer.remote()));
        }
        Map<String, Vector> vectors = new HashMap<>();
        vectors.put(DENSE_VECTOR, vector(indexed.vector()));
        KeywordVector keywords = indexed.keywords();
        if (!keywords.isEmpty()) {
            vectors.put(KEYWORD_VECTOR, vector(floats(keywords.values()), ints(keywords.indices())));
        }
        if (!indexed.passages().isEmpty()) {
            vectors.put(PASSAGE_VECTORS, multiVector(indexed.passages().vectors().toArray(float[][]::new)));
            payload.put(PASSAGE_TEXTS, list(indexed.passages().texts().stream().map(ValueFactory::value).toList()));
        }
        return PointStruct.newBuilder()
                .setId(id(offer.id()))
                .setVectors(namedVectors(vectors))
                .putAllPayload(payload)
                .build();
    }

    private static Query sparse(KeywordVector keywords) {
        return QueryFactory.nearest(floats(keywords.values()), ints(keywords.indices()));
    }

    private static List<Float> floats(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }

    private static List<Integer> ints(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private <T> T await(ListenableFuture<T> future, String operation) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IndexUnavailableException("Qdrant " + operation + " failed on " + collection, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("Interrupted during Qdrant " + operation, e);
        }
    }
}
