package io.jobmatch.index;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.offers.Salary;
import io.jobmatch.offers.SalaryPeriod;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An offer's Qdrant point, built and read back without a server. */
class OfferPointsTest {

    static final UUID ID = UUID.fromString("3f1c2a9e-6d1b-4c55-9a53-2b1f0e8c7d41");
    static final KeywordVector KEYWORDS = new KeywordVector(new int[] {7, -3}, new float[] {2.0f, 0.5f});
    static final OfferPassages PASSAGES = new OfferPassages(
            List.of("Java and Spring.", "Camunda workflows."), List.of(new float[] {1f, 0f}, new float[] {0f, 1f}));

    @Test
    void pointCarriesTheOfferIdItsThreeVectorsAndTheFilteredFields() {
        PointStruct point = OfferPoints.point(new IndexedOffer(
                offer("DE", EmploymentType.FULL_TIME, true), new float[] {0.6f, 0.8f}, KEYWORDS, PASSAGES));

        assertEquals(ID.toString(), point.getId().getUuid());
        Map<String, Vector> vectors = point.getVectors().getVectors().getVectorsMap();
        assertEquals(
                Set.of(OfferPoints.DENSE_VECTOR, OfferPoints.KEYWORD_VECTOR, OfferPoints.PASSAGE_VECTORS),
                vectors.keySet());
        assertEquals(
                List.of(0.6f, 0.8f),
                vectors.get(OfferPoints.DENSE_VECTOR).getDense().getDataList());
        assertEquals(
                List.of(7, -3),
                vectors.get(OfferPoints.KEYWORD_VECTOR).getSparse().getIndicesList());
        assertEquals(
                List.of(2.0f, 0.5f),
                vectors.get(OfferPoints.KEYWORD_VECTOR).getSparse().getValuesList());
        assertEquals(
                List.of(List.of(1f, 0f), List.of(0f, 1f)),
                vectors.get(OfferPoints.PASSAGE_VECTORS).getMultiDense().getVectorsList().stream()
                        .map(DenseVector::getDataList)
                        .toList());
        assertEquals(
                Map.of(
                        "language",
                        value("de"),
                        "status",
                        value("OPEN"),
                        "source",
                        value("board"),
                        "country",
                        value("DE"),
                        "employmentType",
                        value("FULL_TIME"),
                        "remote",
                        value(true),
                        OfferPoints.PASSAGE_TEXTS,
                        list(List.of(value("Java and Spring."), value("Camunda workflows.")))),
                point.getPayloadMap());
    }

    @Test
    void absentFieldsNoKeywordsAndNoPassagesLeaveTheirEntriesOut() {
        PointStruct point = OfferPoints.point(new IndexedOffer(
                offer(null, null, null),
                new float[] {0.6f, 0.8f},
                new KeywordVector(new int[0], new float[0]),
                OfferPassages.NONE));

        assertEquals(
                Set.of(OfferPoints.DENSE_VECTOR),
                point.getVectors().getVectors().getVectorsMap().keySet());
        assertEquals(
                Set.of("language", "status", "source"), point.getPayloadMap().keySet());
    }

    @Test
    void cityDateAndSalaryAreIndexedInTheFormTheFiltersCompare() {
        Map<String, Value> payload = payload(
                " Münster ",
                new Salary(new BigDecimal("18.5"), new BigDecimal("21"), "EUR", SalaryPeriod.HOUR),
                LocalDate.parse("2026-11-20"));

        assertEquals(value("munster"), payload.get(OfferPoints.CITY_KEY));
        assertEquals(value("2026-11-20T00:00:00Z"), payload.get(OfferPoints.DATE_POSTED));
        assertEquals(value("EUR"), payload.get(OfferPoints.SALARY_CURRENCY));
        assertEquals(value(43_680.0), payload.get(OfferPoints.SALARY_PER_YEAR), "the max, 21 an hour, times 2,080");
    }

    @Test
    void aSalaryWithoutPeriodCannotBeConvertedSoItIsNotIndexed() {
        Map<String, Value> payload = payload(null, new Salary(new BigDecimal("3000"), null, "EUR", null), null);

        assertEquals(Set.of("language", "status", "source"), payload.keySet());
    }

    /** The payload of an offer with only these of the newer filtered fields set. */
    private static Map<String, Value> payload(String city, Salary salary, LocalDate datePosted) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Offer offer = new Offer(
                ID,
                "board",
                "ext-1",
                "Pflegekraft",
                "Station.",
                "de",
                null,
                null,
                city,
                null,
                null,
                null,
                salary,
                datePosted,
                null,
                null,
                OfferStatus.OPEN,
                now,
                now);
        return OfferPoints.point(new IndexedOffer(offer, new float[] {0.6f, 0.8f}, KEYWORDS, OfferPassages.NONE))
                .getPayloadMap();
    }

    @Test
    void denseVectorAndIdAreReadBackFromARetrievedPoint() {
        RetrievedPoint point = retrieved(
                Map.of(
                        OfferPoints.DENSE_VECTOR,
                        VectorOutput.newBuilder()
                                .addAllData(List.of(0.6f, 0.8f))
                                .build()),
                Map.of());

        assertArrayEquals(new float[] {0.6f, 0.8f}, OfferPoints.denseVector(point));
        assertEquals(ID, OfferPoints.offerId(point.getId()));
    }

    @Test
    void passagesAreReadBackInTheFlatLayoutQdrantStillAnswersWithAndInTheNewOne() {
        VectorOutput flat = VectorOutput.newBuilder()
                .addAllData(List.of(1f, 0f, 0f, 1f))
                .setVectorsCount(2)
                .build();
        VectorOutput multi = VectorOutput.newBuilder()
                .setMultiDense(MultiDenseVector.newBuilder()
                        .addVectors(DenseVector.newBuilder().addAllData(List.of(1f, 0f)))
                        .addVectors(DenseVector.newBuilder().addAllData(List.of(0f, 1f))))
                .build();
        Map<String, Value> texts = Map.of(
                OfferPoints.PASSAGE_TEXTS, list(List.of(value("Java and Spring."), value("Camunda workflows."))));

        for (VectorOutput layout : List.of(flat, multi)) {
            OfferPassages passages = OfferPoints.passages(retrieved(Map.of(OfferPoints.PASSAGE_VECTORS, layout), texts))
                    .orElseThrow();
            assertEquals(PASSAGES.texts(), passages.texts());
            assertArrayEquals(PASSAGES.vectors().get(0), passages.vectors().get(0));
            assertArrayEquals(PASSAGES.vectors().get(1), passages.vectors().get(1));
        }
    }

    @Test
    void pointWithoutPassagesOrWithTextsAndVectorsOutOfStepHasNone() {
        VectorOutput oneVector = VectorOutput.newBuilder()
                .setMultiDense(MultiDenseVector.newBuilder()
                        .addVectors(DenseVector.newBuilder().addAllData(List.of(1f, 0f))))
                .build();
        Map<String, Value> twoTexts = Map.of(OfferPoints.PASSAGE_TEXTS, list(List.of(value("a"), value("b"))));

        assertEquals(Optional.empty(), OfferPoints.passages(retrieved(Map.of(), Map.of())));
        assertEquals(
                Optional.empty(),
                OfferPoints.passages(retrieved(Map.of(OfferPoints.PASSAGE_VECTORS, oneVector), Map.of())));
        assertTrue(
                OfferPoints.passages(retrieved(Map.of(OfferPoints.PASSAGE_VECTORS, oneVector), twoTexts))
                        .isEmpty(),
                "two texts, one vector");
    }

    private static Offer offer(String country, EmploymentType employmentType, Boolean remote) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Offer(
                ID,
                "board",
                "ext-1",
                "Backend developer",
                "Java and Spring. Camunda workflows.",
                "de",
                null,
                country,
                null,
                null,
                employmentType,
                remote,
                null,
                null,
                null,
                null,
                OfferStatus.OPEN,
                now,
                now);
    }

    private static RetrievedPoint retrieved(Map<String, VectorOutput> vectors, Map<String, Value> payload) {
        return RetrievedPoint.newBuilder()
                .setId(id(ID))
                .setVectors(VectorsOutput.newBuilder()
                        .setVectors(NamedVectorsOutput.newBuilder().putAllVectors(vectors)))
                .putAllPayload(payload)
                .build();
    }
}
