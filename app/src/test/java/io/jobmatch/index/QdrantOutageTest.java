package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jobmatch.support.Api;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Qdrant goes away and comes back (a real Qdrant process, stopped and restarted on the same storage and ports):
 * health says DOWN, writes are still accepted and kept in PostgreSQL, searches get a 503, and once Qdrant is back
 * the pending offers are indexed and found.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QdrantOutageTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    StoppableQdrant qdrant;

    @Override
    public Map<String, String> getProperties() {
        qdrant = new StoppableQdrant();
        Map<String, String> properties = qdrant.serviceProperties("QdrantOutageTest");
        // Retries come quickly, and do not run out while Qdrant is down.
        properties.put("jobmatch.index.backoff-base", "200ms");
        properties.put("jobmatch.index.backoff-cap", "1s");
        properties.put("jobmatch.index.max-attempts", "1000");
        return properties;
    }

    @Test
    void writesSurviveAnOutageAndAreIndexedWhenQdrantIsBack() {
        Api api = new Api(server.getURL()).withoutIndexWait();
        assertEquals(200, api.get("/health").status());

        qdrant.stop();

        Api.Response health = api.get("/health");
        assertEquals(503, health.status(), health.body());
        assertEquals("DOWN", health.json().at("/details/qdrant/status").asText());
        Api.Response created = api.post(
                "/api/offers",
                "{\"externalId\": \"outage-1\", \"title\": \"Ferry captain\", "
                        + "\"description\": \"Command a car ferry between the islands.\", \"language\": \"en\"}");
        assertEquals(201, created.status(), "the write is accepted while Qdrant is down: " + created.body());
        String id = created.json().get("id").asText();
        assertEquals(200, api.get("/api/offers/" + id).status(), "and kept in PostgreSQL");
        Api.Response search = api.post("/api/search", Api.searchBody("ferry captain", "en"));
        assertEquals(503, search.status(), search.body());
        assertEquals("application/problem+json", search.contentType());

        assertEquals(
                1, api.getWithKey("/api/index/status").json().get("pending").asLong(), "its index task waits");

        qdrant.start();
        api.awaitIndexed();

        Api.Response found = api.post("/api/search", Api.searchBody("ferry captain", "en"));
        assertEquals(id, found.json().at("/results/0/offer/id").asText(), found.body());
        assertEquals(200, api.get("/health").status());
    }

    @AfterAll
    void stopQdrant() {
        qdrant.close();
    }
}
