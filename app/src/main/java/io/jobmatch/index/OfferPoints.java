package io.jobmatch.index;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;

import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.Salary;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The layout of an offer's Qdrant point, both ways: the point upserted for an offer (id = offer UUID; named dense,
 * keyword and passage vectors; the payload fields that searches filter on and the passages' texts), and what is
 * read back from a retrieved point.
 */
final class OfferPoints {

    static final String DENSE_VECTOR = "dense";
    static final String KEYWORD_VECTOR = "keywords";
    static final String PASSAGE_VECTORS = "passages";
    static final String PASSAGE_TEXTS = "passages";

    // Payload fields that searches filter or facet on, each with a payload index (OfferIndex).
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String COUNTRY = "country";
    static final String EMPLOYMENT_TYPE = "employmentType";
    static final String REMOTE = "remote";
    /** The city as compared ({@link OfferCriteria#cityKey}), not as written. */
    static final String CITY_KEY = "cityKey";
    /** Midnight UTC of the day, as RFC 3339, for a datetime index. */
    static final String DATE_POSTED = "datePosted";

    static final String SALARY_CURRENCY = "salaryCurrency";
    /** The best salary amount converted to a year ({@link Salary#bestPerYear}), in {@link #SALARY_CURRENCY}. */
    static final String SALARY_PER_YEAR = "salaryPerYear";

    private OfferPoints() {}

    static PointStruct point(IndexedOffer indexed) {
        Offer offer = indexed.offer();
        Map<String, Value> payload = new HashMap<>();
        payload.put(LANGUAGE, value(offer.language()));
        payload.put(STATUS, value(offer.status().name()));
        payload.put("source", value(offer.source()));
        if (offer.country() != null) {
            payload.put(COUNTRY, value(offer.country()));
        }
        if (offer.employmentType() != null) {
            payload.put(EMPLOYMENT_TYPE, value(offer.employmentType().name()));
        }
        if (offer.remote() != null) {
            payload.put(REMOTE, value(offer.remote()));
        }
        if (offer.city() != null) {
            payload.put(CITY_KEY, value(OfferCriteria.cityKey(offer.city())));
        }
        if (offer.datePosted() != null) {
            payload.put(DATE_POSTED, value(startOfDay(offer.datePosted()).toString()));
        }
        Salary salary = offer.salary();
        if (salary != null && salary.bestPerYear() != null) {
            payload.put(SALARY_CURRENCY, value(salary.currency()));
            payload.put(SALARY_PER_YEAR, value(salary.bestPerYear().doubleValue()));
        }
        Map<String, Vector> vectors = new HashMap<>();
        vectors.put(DENSE_VECTOR, vector(indexed.vector()));
        KeywordVector keywords = indexed.keywords();
        if (!keywords.isEmpty()) {
            vectors.put(KEYWORD_VECTOR, vector(keywords.valueList(), keywords.indexList()));
        }
        if (!indexed.passages().isEmpty()) {
            vectors.put(
                    PASSAGE_VECTORS, multiVector(indexed.passages().vectors().toArray(float[][]::new)));
            payload.put(
                    PASSAGE_TEXTS,
                    list(indexed.passages().texts().stream()
                            .map(ValueFactory::value)
                            .toList()));
        }
        return PointStruct.newBuilder()
                .setId(id(offer.id()))
                .setVectors(namedVectors(vectors))
                .putAllPayload(payload)
                .build();
    }

    /** The instant a day starts, in UTC; written {@code 2026-11-20T00:00:00Z} for Qdrant's datetime index. */
    static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static UUID offerId(PointId id) {
        return UUID.fromString(id.getUuid());
    }

    /** The offer's dense vector, from a point retrieved with its vectors. */
    static float[] denseVector(RetrievedPoint point) {
        return toArray(point.getVectors()
                .getVectors()
                .getVectorsMap()
                .get(DENSE_VECTOR)
                .getDataList());
    }

    /**
     * The offer's passages, from a point retrieved with their texts and vectors; empty when it was indexed without
     * passages, or when texts and vectors do not pair up.
     */
    static Optional<OfferPassages> passages(RetrievedPoint point) {
        VectorOutput vectors = point.getVectors().getVectors().getVectorsMap().get(PASSAGE_VECTORS);
        Value texts = point.getPayloadMap().get(PASSAGE_TEXTS);
        if (vectors == null || texts == null) {
            return Optional.empty();
        }
        List<String> textList = texts.getListValue().getValuesList().stream()
                .map(Value::getStringValue)
                .toList();
        // The helper reads both layouts: Qdrant 1.16 still answers with the flat, deprecated one.
        List<float[]> vectorList = VectorOutputHelper.getMultiVector(vectors).getVectorsList().stream()
                .map(vector -> toArray(vector.getDataList()))
                .toList();
        return textList.size() == vectorList.size()
                ? Optional.of(new OfferPassages(textList, vectorList))
                : Optional.empty();
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
