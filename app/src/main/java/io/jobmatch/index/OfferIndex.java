package io.jobmatch.index;

import com.google.common.util.concurrent.ListenableFuture;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.offers.Offer;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import io.qdrant.client.QueryFactory;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

/**
 * Qdrant adapter: one point per offer (id = offer UUID) holding the offer's dense vector and the payload fields that
 * searches filter on, each with a payload index (an unindexed filter makes filtered search scan everything).
 */
@Singleton
public class OfferIndex {

    static final String DENSE_VECTOR = "dense";
    private static final Map<String, PayloadSchemaType> FILTERED_FIELDS = Map.of(
            "language", PayloadSchemaType.Keyword,
            "country", PayloadSchemaType.Keyword,
            "status", PayloadSchemaType.Keyword,
            "employmentType", PayloadSchemaType.Keyword,
            "remote", PayloadSchemaType.Bool);

    private final QdrantClient client;
    private final QdrantSettings settings;
    private final String collection;
    private final int dimension;

    public OfferIndex(QdrantClient client, QdrantSettings settings, EmbeddingEngine engine) {
        this.client = client;
        this.settings = settings;
        this.collection = settings.collectionPrefix() + "_" + engine.manifest().name().replaceAll("[^A-Za-z0-9_-]", "_");
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
        await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder().putMap(DENSE_VECTOR, dense)))
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
        QueryPoints query = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(QueryFactory.nearest(vector))
                .setUsing(DENSE_VECTOR)
                .setFilter(toQdrant(filter))
                .setLimit(limit)
                .setOffset(offset)
                .setWithPayload(enable(false))
                .build();
        List<ScoredPoint> points = await(client.queryAsync(query), "query");
        return points.stream()
                .map(p -> new IndexHit(UUID.fromString(p.getId().getUuid()), p.getScore()))
                .toList();
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
        return PointStruct.newBuilder()
                .setId(id(offer.id()))
                .setVectors(namedVectors(Map.of(DENSE_VECTOR, vector(indexed.vector()))))
                .putAllPayload(payload)
                .build();
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
