package io.jobmatch.index;

import static io.jobmatch.index.OfferPoints.DENSE_VECTOR;
import static io.jobmatch.index.OfferPoints.KEYWORD_VECTOR;
import static io.jobmatch.index.OfferPoints.PASSAGE_TEXTS;
import static io.jobmatch.index.OfferPoints.PASSAGE_VECTORS;

import com.google.common.util.concurrent.ListenableFuture;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.OfferCriteria;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Datatype;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.QuantizationConfig;
import io.qdrant.client.grpc.Collections.QuantizationType;
import io.qdrant.client.grpc.Collections.ScalarQuantization;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.FacetValue;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.QuantizationSearchParams;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.Points.WriteOrdering;
import io.qdrant.client.grpc.Points.WriteOrderingType;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Qdrant adapter: creates the collection and sends the requests, mapping every failure to
 * {@link IndexUnavailableException}. One point per offer ({@link OfferPoints}) holds the offer's dense vector, its BM25
 * keyword vector (sparse, IDF applied by Qdrant), its description's passages for highlights, and the payload fields
 * that searches filter on, each with a payload index (an unindexed filter makes filtered search scan everything);
 * {@link OfferQueries} builds the searches.
 */
@Singleton
public class OfferIndex {

    /**
     * Layout of the collection, part of its name: a collection made before the keyword and passage vectors existed
     * (no suffix), before passages were cut at semicolons and embedded as queries (v2), or before the city, date
     * and salary filter fields (v3), is never reused: at startup the Reindexer builds the new layout's generation from
     * PostgreSQL while the old one keeps answering behind the alias.
     */
    static final String LAYOUT = "v4";

    private static final Map<String, PayloadSchemaType> FILTERED_FIELDS = Map.of(
            OfferPoints.LANGUAGE, PayloadSchemaType.Keyword,
            OfferPoints.COUNTRY, PayloadSchemaType.Keyword,
            OfferPoints.STATUS, PayloadSchemaType.Keyword,
            OfferPoints.EMPLOYMENT_TYPE, PayloadSchemaType.Keyword,
            OfferPoints.REMOTE, PayloadSchemaType.Bool,
            OfferPoints.CITY_KEY, PayloadSchemaType.Keyword,
            OfferPoints.DATE_POSTED, PayloadSchemaType.Datetime,
            OfferPoints.SALARY_CURRENCY, PayloadSchemaType.Keyword,
            OfferPoints.SALARY_PER_YEAR, PayloadSchemaType.Float);

    private final QdrantClient client;
    private final QdrantSettings settings;
    private final CollectionSettings layout;
    private final FusionSettings fusion;
    private final WeightedFusionSettings weights;
    private final IndexRouting routing;
    private final PointCache pointCache;
    private final FacetCache facetCache;
    private final int dimension;
    /** Built for the name that searches address: the alias, once the service has opened it. */
    private volatile OfferQueries queries;

    private final WriteOrdering ordering;

    public OfferIndex(
            QdrantClient client,
            QdrantSettings settings,
            CollectionSettings layout,
            FusionSettings fusion,
            WeightedFusionSettings weights,
            EmbeddingEngine engine,
            IndexRouting routing,
            PointCache pointCache,
            FacetCache facetCache) {
        this.client = client;
        this.settings = settings;
        this.layout = layout;
        this.fusion = fusion;
        this.weights = weights;
        this.routing = routing;
        this.pointCache = pointCache;
        this.facetCache = facetCache;
        this.dimension = engine.dimension();
        this.queries = new OfferQueries(routing.address(), fusion, weights, searchParams(layout));
        this.ordering = WriteOrdering.newBuilder()
                .setType(writeOrdering(layout.writeOrdering()))
                .build();
    }

    private static WriteOrderingType writeOrdering(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "weak" -> WriteOrderingType.Weak;
            case "medium" -> WriteOrderingType.Medium;
            case "strong" -> WriteOrderingType.Strong;
            default ->
                throw new IllegalArgumentException(
                        "jobmatch.qdrant.collection.write-ordering must be weak, medium or strong, not " + name);
        };
    }

    private static SearchParams searchParams(CollectionSettings layout) {
        SearchParams.Builder params = SearchParams.newBuilder();
        if (layout.hnswEf() > 0) {
            params.setHnswEf(layout.hnswEf());
        }
        if (layout.quantized()) {
            params.setQuantization(
                    QuantizationSearchParams.newBuilder().setRescore(true).setOversampling(layout.oversampling()));
        }
        return params.build();
    }

    /** The concrete collection that answers: behind the alias in the service, the model's own in commands. */
    public String collection() {
        return routing.served();
    }

    /**
     * Whether this service's query vectors can search the served collection: false while a generation for a new
     * model is being built behind an alias that still points at the previous model's collection.
     */
    public boolean servesOwnModel() {
        return routing.servesOwnModel();
    }

    /** From now on searches and writes address the alias, behind which {@code collection} is served. */
    void serveThroughAlias(String collection) {
        routing.serveThroughAlias(collection);
        queries = new OfferQueries(routing.address(), fusion, weights, searchParams(layout));
    }

    /**
     * For commands (eval, benches), which address the model's collection directly, without alias: creates it and its
     * payload indexes when missing; true when it was created by this call.
     */
    public boolean ensureCollection() {
        String collection = routing.names().family();
        if (await(client.collectionExistsAsync(collection), "check collection")) {
            return false;
        }
        create(collection);
        return true;
    }

    /** Creates a collection in the configured layout, with its payload indexes. */
    void create(String collection) {
        VectorParams.Builder dense = VectorParams.newBuilder()
                .setSize(dimension)
                .setDistance(Distance.Cosine)
                .setOnDisk(layout.vectorsOnDisk())
                .setHnswConfig(
                        HnswConfigDiff.newBuilder().setM(layout.hnswM()).setEfConstruct(layout.hnswEfConstruct()));
        if (layout.quantized()) {
            // The int8 copy stays in RAM even when the originals are on disk: it is what the graph search reads.
            dense.setQuantizationConfig(QuantizationConfig.newBuilder()
                    .setScalar(ScalarQuantization.newBuilder()
                            .setType(QuantizationType.Int8)
                            .setQuantile(0.99f)
                            .setAlwaysRam(true)));
        }
        // Passages are never searched on their own, only read back by id (highlights) or scored for the candidates
        // of a hybrid search: no HNSW graph (m = 0), half-precision, on disk.
        VectorParams passages = VectorParams.newBuilder()
                .setSize(dimension)
                .setDistance(Distance.Cosine)
                .setMultivectorConfig(MultiVectorConfig.newBuilder().setComparator(MultiVectorComparator.MaxSim))
                .setHnswConfig(HnswConfigDiff.newBuilder().setM(0))
                .setDatatype(Datatype.Float16)
                .setOnDisk(true)
                .build();
        SparseVectorParams keywords =
                SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build();
        await(
                client.createCollectionAsync(CreateCollection.newBuilder()
                        .setCollectionName(collection)
                        .setShardNumber(layout.shards())
                        .setReplicationFactor(layout.replicationFactor())
                        .setWriteConsistencyFactor(layout.writeConsistencyFactor())
                        .setOnDiskPayload(layout.payloadOnDisk())
                        .setVectorsConfig(VectorsConfig.newBuilder()
                                .setParamsMap(VectorParamsMap.newBuilder()
                                        .putMap(DENSE_VECTOR, dense.build())
                                        .putMap(PASSAGE_VECTORS, passages)))
                        .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap(KEYWORD_VECTOR, keywords))
                        .build()),
                "create collection");
        FILTERED_FIELDS.forEach((field, type) -> await(
                client.createPayloadIndexAsync(collection, field, type, indexParams(field), true, null, null),
                "create payload index " + field));
    }

    /**
     * Every search filters on one language, so the language index is a tenant index: Qdrant keeps each language's
     * points together on disk and searches them as a partition.
     */
    private static PayloadIndexParams indexParams(String field) {
        return OfferPoints.LANGUAGE.equals(field)
                ? PayloadIndexParams.newBuilder()
                        .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true))
                        .build()
                : null;
    }

    /**
     * Stops Qdrant building indexes while a bulk load runs: points land in plain segments, and the graphs are built
     * once, from all of them, by {@link #resumeIndexing}.
     */
    public void deferIndexing() {
        setIndexingThreshold(routing.served(), 0);
    }

    /** Back to {@link CollectionSettings#indexingThresholdKb()}: Qdrant indexes what a bulk load left unindexed. */
    public void resumeIndexing() {
        resumeIndexing(routing.served());
    }

    void deferIndexing(String collection) {
        setIndexingThreshold(collection, 0);
    }

    void resumeIndexing(String collection) {
        setIndexingThreshold(collection, layout.indexingThresholdKb());
    }

    private void setIndexingThreshold(String collection, int kilobytes) {
        await(
                client.updateCollectionAsync(UpdateCollection.newBuilder()
                        .setCollectionName(collection)
                        .setOptimizersConfig(OptimizersConfigDiff.newBuilder().setIndexingThreshold(kilobytes))
                        .build()),
                "set indexing threshold");
    }

    /** Upserts into the served collection and, while one is built, into the next generation too (IndexRouting). */
    public void upsert(List<IndexedOffer> offers) {
        routing.write(offers.stream().map(offer -> offer.offer().id()).toList(), target -> upsert(target, offers));
        facetCache.clear();
    }

    /** Upserts into this collection only. */
    void upsert(String collection, List<IndexedOffer> offers) {
        for (int from = 0; from < offers.size(); from += settings.upsertBatchSize()) {
            List<PointStruct> points =
                    offers.subList(from, Math.min(offers.size(), from + settings.upsertBatchSize())).stream()
                            .map(OfferPoints::point)
                            .toList();
            await(
                    client.upsertAsync(UpsertPoints.newBuilder()
                            .setCollectionName(collection)
                            .addAllPoints(points)
                            .setWait(true)
                            .setOrdering(ordering)
                            .build()),
                    "upsert points");
        }
    }

    public void delete(Collection<UUID> offerIds) {
        if (!offerIds.isEmpty()) {
            routing.write(offerIds, target -> delete(target, offerIds));
            facetCache.clear();
        }
    }

    private void delete(String collection, Collection<UUID> offerIds) {
        PointsIdsList ids = PointsIdsList.newBuilder()
                .addAllIds(offerIds.stream()
                        .map(io.qdrant.client.PointIdFactory::id)
                        .toList())
                .build();
        await(
                client.deleteAsync(DeletePoints.newBuilder()
                        .setCollectionName(collection)
                        .setPoints(PointsSelector.newBuilder().setPoints(ids))
                        .setWait(true)
                        .setOrdering(ordering)
                        .build()),
                "delete points");
    }

    /** The stored vector of an offer, if the offer is indexed. */
    public Optional<float[]> vectorOf(UUID offerId) {
        return Optional.ofNullable(readVectors(List.of(offerId)).get(offerId));
    }

    /**
     * The stored dense vectors of these hits, those read by an earlier search at the same point version from memory
     * ({@link PointCache}), the others in one request; hits no longer indexed are absent.
     */
    public Map<UUID, float[]> vectorsOf(Collection<IndexHit> hits) {
        // The collection as this search found it: a version means nothing in another generation.
        return pointCache.vectors().getAll(routing.served(), hits, this::readVectors);
    }

    private Map<UUID, float[]> readVectors(Collection<UUID> offerIds) {
        List<RetrievedPoint> points = retrieve(
                offerIds,
                WithPayloadSelectorFactory.enable(false),
                WithVectorsSelectorFactory.include(List.of(DENSE_VECTOR)),
                "retrieve vectors");
        Map<UUID, float[]> vectors = new HashMap<>();
        for (RetrievedPoint point : points) {
            vectors.put(OfferPoints.offerId(point.getId()), OfferPoints.denseVector(point));
        }
        return vectors;
    }

    public List<IndexHit> nearest(float[] vector, IndexFilter filter, int limit, int offset) {
        return search(IndexQuery.dense(vector, filter, limit, offset));
    }

    /**
     * Ranked offer ids for a dense query, a keyword query, or both fused; a hybrid query is two Query API calls, its
     * candidates' ids then their fused scores ({@link OfferQueries#candidates}, {@link OfferQueries#fused}).
     */
    public List<IndexHit> search(IndexQuery query) {
        return search(query, queries);
    }

    /**
     * The same ranking read exhaustively, without graph or quantization: the reference a measurement of the
     * approximate search's recall compares with (slow on a large collection; not for serving).
     */
    public List<IndexHit> searchExactly(IndexQuery query) {
        return search(query, queries.exact());
    }

    private List<IndexHit> search(IndexQuery query, OfferQueries queries) {
        if (query.dense() != null && !routing.servesOwnModel()) {
            // Another model's vectors answer nothing this model embeds; keyword queries still do.
            throw new IndexUnavailableException(
                    "Qdrant collection " + routing.served() + " holds another model's vectors until the new "
                            + "generation is built",
                    null);
        }
        if (query.matchesNothing()) {
            return List.of(); // only stop words: no keyword can match
        }
        if (query.isMultiWindowDense()) {
            return bestWindow(query, queries);
        }
        List<ScoredPoint> ranked;
        if (query.isHybrid()) {
            List<PointId> candidates =
                    await(client.queryAsync(queries.candidates(query), settings.searchTimeout()), "query candidates")
                            .stream()
                            .map(ScoredPoint::getId)
                            .toList();
            ranked = candidates.isEmpty()
                    ? List.of()
                    : await(
                            client.queryAsync(queries.fused(query, candidates), settings.searchTimeout()),
                            "query fused");
        } else {
            ranked = await(client.queryAsync(queries.ranked(query), settings.searchTimeout()), "query");
        }
        return ranked.stream()
                .map(point -> new IndexHit(OfferPoints.offerId(point.getId()), point.getScore(), point.getVersion()))
                .toList();
    }

    /**
     * Dense mode with a multi-window query: each window searched on its own, each offer keeping its best cosine
     * similarity over the windows (measured best for long CVs, embeddings/README.md), so the score stays a cosine.
     */
    private List<IndexHit> bestWindow(IndexQuery query, OfferQueries queries) {
        Map<UUID, IndexHit> best = new HashMap<>();
        for (QueryPoints request : queries.perWindow(query)) {
            for (ScoredPoint point : await(client.queryAsync(request, settings.searchTimeout()), "query")) {
                IndexHit hit = new IndexHit(OfferPoints.offerId(point.getId()), point.getScore(), point.getVersion());
                best.merge(hit.offerId(), hit, (kept, other) -> other.score() > kept.score() ? other : kept);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(IndexHit::score).reversed())
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    /**
     * The facets of the offers {@code filter} lets through, as {@link #countFacets} counts them, kept a few seconds
     * per filter ({@link FacetCache}).
     */
    public OfferFacets facets(IndexFilter filter) {
        return facetCache.get(routing.served(), filter, () -> countFacets(filter));
    }

    /**
     * The facets counted now: one exact count request per field, each without that field's own criterion (disjunctive
     * faceting), sent together and answered concurrently. What a search pays when the counts are not cached.
     */
    public OfferFacets countFacets(IndexFilter filter) {
        OfferCriteria criteria = filter.criteria();
        ListenableFuture<List<FacetHit>> country = client.facetAsync(
                queries.facet(filter.with(criteria.withoutCountry()), OfferPoints.COUNTRY), settings.searchTimeout());
        ListenableFuture<List<FacetHit>> employmentType = client.facetAsync(
                queries.facet(filter.with(criteria.withoutEmploymentTypes()), OfferPoints.EMPLOYMENT_TYPE),
                settings.searchTimeout());
        ListenableFuture<List<FacetHit>> remote = client.facetAsync(
                queries.facet(filter.with(criteria.withoutRemote()), OfferPoints.REMOTE), settings.searchTimeout());
        return new OfferFacets(
                counts(await(country, "facet country"), FacetValue::getStringValue),
                counts(
                        await(employmentType, "facet employmentType"),
                        value -> EmploymentType.valueOf(value.getStringValue())),
                counts(await(remote, "facet remote"), FacetValue::getBoolValue));
    }

    /** Most first, ties by value as written in JSON, as the country list of {@code /api/countries} is ordered. */
    private static <T> List<FacetCount<T>> counts(List<FacetHit> hits, Function<FacetValue, T> value) {
        return hits.stream()
                .map(hit -> new FacetCount<>(value.apply(hit.getValue()), hit.getCount()))
                .sorted(Comparator.comparingLong((FacetCount<T> count) -> count.count())
                        .reversed()
                        .thenComparing(count -> String.valueOf(count.value())))
                .toList();
    }

    /** The stored passages of each offer that has them; offers indexed without passages are absent. */
    public Map<UUID, OfferPassages> passagesOf(Collection<IndexHit> hits) {
        // The collection as this search found it: a version means nothing in another generation.
        return pointCache.passages().getAll(routing.served(), hits, this::readPassages);
    }

    private Map<UUID, OfferPassages> readPassages(Collection<UUID> offerIds) {
        List<RetrievedPoint> points = retrieve(
                offerIds,
                WithPayloadSelectorFactory.include(List.of(PASSAGE_TEXTS)),
                WithVectorsSelectorFactory.include(List.of(PASSAGE_VECTORS)),
                "retrieve passages");
        Map<UUID, OfferPassages> passages = new HashMap<>();
        for (RetrievedPoint point : points) {
            OfferPoints.passages(point).ifPresent(found -> passages.put(OfferPoints.offerId(point.getId()), found));
        }
        return passages;
    }

    /**
     * The points of these offers that exist, with what is asked of each; no request for no offers. Only searches
     * read points (vectors for duplicates and similar offers, passages for highlights), so under their deadline.
     */
    private List<RetrievedPoint> retrieve(
            Collection<UUID> offerIds, WithPayloadSelector payload, WithVectorsSelector vectors, String operation) {
        if (offerIds.isEmpty()) {
            return List.of();
        }
        return await(
                client.retrieveAsync(
                        routing.address(),
                        offerIds.stream()
                                .map(io.qdrant.client.PointIdFactory::id)
                                .toList(),
                        payload,
                        vectors,
                        null,
                        settings.searchTimeout()),
                operation);
    }

    /**
     * Waits until Qdrant has finished optimising the collection (status green: segments merged, HNSW graphs built),
     * so that what is searched next is the settled index a live service searches, not a half-built one.
     *
     * @return false when it was still busy at the deadline
     */
    public boolean awaitOptimised(Duration timeout) {
        return awaitOptimised(routing.served(), timeout);
    }

    boolean awaitOptimised(String collection, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (await(client.getCollectionInfoAsync(collection), "collection info")
                        .getStatus()
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

    /** Deletes the model's collection that commands address: for throw-away ones (evaluation), never the live one. */
    public void drop() {
        await(client.deleteCollectionAsync(routing.names().family()), "delete collection");
    }

    public long count() {
        return count(routing.address());
    }

    long count(String collection) {
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

    <T> T await(ListenableFuture<T> future, String operation) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IndexUnavailableException(
                    "Qdrant " + operation + " failed on " + routing.address(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("Interrupted during Qdrant " + operation, e);
        }
    }
}
