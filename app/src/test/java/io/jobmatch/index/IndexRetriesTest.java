package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Index tasks that keep failing, for a real cause: the service's Qdrant (a real Qdrant process of the test's own) is
 * stopped. Writes and a delete are accepted; their tasks are tried {@code max-attempts} times with a short backoff,
 * then wait as failed with Qdrant's error, and stay failed after Qdrant is back, until {@code POST
 * /api/index/retry-failed} re-drives them and the collection matches PostgreSQL again.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRetriesTest implements TestPropertyProvider {

    static final String FEED_KEY = "key-of-the-retries-feed-0123";

    @Inject
    EmbeddedServer server;

    @Inject
    OfferIndex index;

    @Inject
    DataSource dataSource;

    StoppableQdrant qdrant;

    @Override
    public Map<String, String> getProperties() {
        qdrant = new StoppableQdrant();
        Map<String, String> properties = qdrant.serviceProperties("IndexRetriesTest");
        properties.put("jobmatch.index.max-attempts", "2");
        properties.put("jobmatch.index.backoff-base", "100ms");
        properties.put("jobmatch.index.backoff-cap", "200ms");
        properties.put("jobmatch.index.poll-interval", "100ms");
        properties.put(
                "jobmatch.security.api-keys", properties.get("jobmatch.security.api-keys") + "," + FEED_KEY + ":feed");
        return properties;
    }

    @Test
    void failedTasksKeepTheirCauseAndWaitUntilRetried() throws Exception {
        Api api = new Api(server.getURL()).withoutIndexWait();
        String kept = created(api.post("/api/offers", offer("kept", "Lighthouse keeper")));
        String deleted = created(api.post("/api/offers", offer("deleted", "Harbour pilot")));
        api.awaitIndexed();
        assertEquals(2, index.count());

        qdrant.stop();
        Api.Response bulk = api.post(
                "/api/offers/bulk",
                "[" + offer("new-1", "Ferry captain") + "," + offer("new-2", "Deck hand") + ","
                        + offer("kept", "Senior lighthouse keeper") + "]");
        assertEquals(200, bulk.status(), bulk.body());
        assertEquals(204, api.delete("/api/offers/" + deleted).status(), "a delete is accepted with Qdrant down");

        JsonNode failed = awaitStatus(
                api, s -> s.get("failed").asLong() == 4 && s.get("pending").asLong() == 0);
        assertEquals(3, failed.get("offers").asLong());
        assertEquals(0, failed.get("indexed").asLong(), "no offer's current version is in Qdrant");
        Sql sql = new Sql(dataSource);
        List<List<String>> tasks = sql.rows("select action, attempts, last_error from index_task order by action");
        assertEquals(4, tasks.size());
        for (List<String> task : tasks) {
            assertEquals("2", task.get(1), "max-attempts attempts: " + task);
            assertTrue(
                    task.get(2).contains("Qdrant") && task.get(2).contains("UNAVAILABLE"), "the real cause: " + task);
        }
        assertEquals("DELETE", tasks.get(0).get(0));
        assertTrue(api.get("/prometheus").body().contains("jobmatch_index_failed 4.0"), "failed tasks are a metric");

        qdrant.start();
        awaitStatus(api, s -> api.get("/health").status() == 200);
        // Give the workers several polls (100 ms each): a failed task is never picked up by itself.
        Thread.sleep(1_000);
        assertEquals(4, api.getWithKey("/api/index/status").json().get("failed").asLong());
        assertEquals(4, sql.count("select count(*) from index_task where state = 'FAILED' and attempts = 2"));

        assertEquals(
                403, api.withKey(FEED_KEY).post("/api/index/retry-failed", "").status());
        Api.Response retried = api.post("/api/index/retry-failed", "");
        assertEquals(200, retried.status(), retried.body());
        assertEquals(4, retried.json().get("retried").asInt());

        JsonNode caughtUp = awaitStatus(api, s -> s.get("pending").asLong() == 0);
        assertEquals(0, caughtUp.get("failed").asLong(), caughtUp.toString());
        assertEquals(3, caughtUp.get("indexed").asLong());
        assertEquals(3, index.count(), "the deleted offer's point is gone, the three others are in");
        assertTrue(index.vectorOf(java.util.UUID.fromString(deleted)).isEmpty());
        assertTrue(index.vectorOf(java.util.UUID.fromString(kept)).isPresent());
    }

    @AfterAll
    void stopQdrant() {
        qdrant.close();
    }

    /** Polls the status until it matches, at most a minute. */
    private static JsonNode awaitStatus(Api api, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode status = api.getWithKey("/api/index/status").json();
        while (!done.test(status)) {
            assertTrue(System.nanoTime() < deadline, "still not there after a minute: " + status);
            Thread.sleep(100);
            status = api.getWithKey("/api/index/status").json();
        }
        return status;
    }

    private static String created(Api.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    private static String offer(String externalId, String title) {
        return "{\"source\": \"feed\", \"externalId\": \"" + externalId + "\", \"title\": \"" + title
                + "\", \"description\": \"" + title + " wanted on the islands.\", \"language\": \"en\"}";
    }
}
