package io.jobmatch.index;

import static io.qdrant.client.PointIdFactory.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexing queue seen from the API: writes answer before they are indexed and are indexed after; the status
 * endpoint counts the queue for any valid key; re-driving failed tasks needs a {@code *} key; an update, a status
 * change and a delete reach Qdrant through the queue in PostgreSQL's order.
 */
@MicronautTest
class IndexingQueueTest extends ServiceTest {

    static final String FEED_KEY = "key-of-the-queue-feed-0123";

    @Inject
    EmbeddedServer server;

    @Inject
    OfferIndex index;

    @Inject
    EmbeddingEngine engine;

    @Inject
    QdrantClient qdrant;

    @Inject
    DataSource dataSource;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(
                "jobmatch.security.api-keys", properties.get("jobmatch.security.api-keys") + "," + FEED_KEY + ":feed");
        return properties;
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL()).withoutIndexWait();
    }

    @Test
    void theStatusNeedsAnyValidKeyAndNamesCollectionAndModel() {
        Api.Response anonymous = api.withKey(null).getWithKey("/api/index/status");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("application/problem+json", anonymous.contentType());
        assertEquals(
                401,
                api.withKey("not-a-key-of-this-service")
                        .getWithKey("/api/index/status")
                        .status());

        Api.Response status = api.withKey(FEED_KEY).getWithKey("/api/index/status");
        assertEquals(200, status.status(), status.body());
        Set<String> fields = new TreeSet<>();
        status.json().fieldNames().forEachRemaining(fields::add);
        assertEquals(
                new TreeSet<>(Set.of(
                        "offers", "indexed", "pending", "failed", "oldestPendingSeconds", "collection", "model")),
                fields);
        assertEquals(index.collection(), status.json().get("collection").asText());
        assertEquals(engine.manifest().name(), status.json().get("model").asText());
    }

    @Test
    void retryingFailedTasksNeedsAKeyForEverySource() {
        Api.Response anonymous = api.withKey(null).post("/api/index/retry-failed", "");
        assertEquals(401, anonymous.status(), anonymous.body());
        Api.Response bound = api.withKey(FEED_KEY).post("/api/index/retry-failed", "");
        assertEquals(403, bound.status(), bound.body());
        assertEquals("application/problem+json", bound.contentType());

        Api.Response retried = api.post("/api/index/retry-failed", "");
        assertEquals(200, retried.status(), retried.body());
        assertEquals(0, retried.json().get("retried").asInt(), "nothing failed here");
    }

    @Test
    void aWriteIsIndexedAfterItsAnswerAndTheStatusCountsIt() {
        Api.Response created = api.post("/api/offers", offer("written", "Lighthouse keeper", "OPEN"));
        assertEquals(201, created.status(), created.body());
        UUID id = UUID.fromString(created.json().get("id").asText());

        api.awaitIndexed();

        assertEquals(1, points(List.of(id)).size(), "in Qdrant once its task is done");
        assertEquals(0, new Sql(dataSource).count("select count(*) from index_task"), "no task left");
        JsonNode status = api.getWithKey("/api/index/status").json();
        long offers = new Sql(dataSource).count("select count(*) from offer");
        assertEquals(offers, status.get("offers").asLong());
        assertEquals(offers, status.get("indexed").asLong());
        assertEquals(0, status.get("pending").asLong());
        assertEquals(0, status.get("failed").asLong());
        assertEquals(0.0, status.get("oldestPendingSeconds").asDouble());
        assertEquals(offers, index.count(), "one point per offer");
    }

    @Test
    void updatesStatusChangesAndDeletesReachQdrantInPostgresOrder() {
        String closed = idOf(api.post("/api/offers", offer("closing", "Ferry captain", "OPEN")));
        String deleted = idOf(api.post("/api/offers", offer("deleted", "Harbour pilot", "OPEN")));
        // Back to back, without waiting: each newer write coalesces into the offer's task, or follows it.
        assertEquals(
                200,
                api.post("/api/offers", offer("closing", "Night ferry captain", "OPEN"))
                        .status());
        assertEquals(
                200,
                api.post("/api/offers", offer("closing", "Night ferry captain", "CLOSED"))
                        .status());
        assertEquals(
                200,
                api.post("/api/offers", offer("deleted", "Senior harbour pilot", "OPEN"))
                        .status());
        assertEquals(204, api.delete("/api/offers/" + deleted).status());

        api.awaitIndexed();

        List<RetrievedPoint> points = points(List.of(UUID.fromString(closed), UUID.fromString(deleted)));
        assertEquals(1, points.size(), "the deleted offer has no point, even though its upserts were queued first");
        assertEquals(
                "CLOSED", points.get(0).getPayloadMap().get(OfferPoints.STATUS).getStringValue());
        assertEquals(new Sql(dataSource).count("select count(*) from offer"), index.count());
    }

    private List<RetrievedPoint> points(List<UUID> ids) {
        try {
            return qdrant.retrieveAsync(
                            index.collection(),
                            ids.stream().map(uuid -> id(uuid)).toList(),
                            true,
                            false,
                            null)
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String idOf(Api.Response created) {
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static String offer(String externalId, String title, String status) {
        return "{\"source\": \"feed\", \"externalId\": \"" + externalId + "\", \"title\": \"" + title
                + "\", \"description\": \"" + title + " wanted on the islands.\", \"language\": \"en\", \"status\": \""
                + status + "\"}";
    }
}
