package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Qdrant answers slowly: past {@code jobmatch.qdrant.search-timeout} a search gets a 503 with Retry-After instead of
 * waiting, and searches are answered again once Qdrant is quick. The real Qdrant is behind a small TCP proxy that
 * holds back its answers ({@link DelayingProxy}), since a real Qdrant cannot be made slow on demand.
 */
@MicronautTest
class SlowQdrantTest extends ServiceTest {

    static final long SEARCH_TIMEOUT_MILLIS = 1_000;

    @Inject
    EmbeddedServer server;

    DelayingProxy proxy;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        proxy = new DelayingProxy(
                properties.get("jobmatch.qdrant.host"), Integer.parseInt(properties.get("jobmatch.qdrant.port")));
        properties.put("jobmatch.qdrant.port", Integer.toString(proxy.port()));
        properties.put("jobmatch.qdrant.search-timeout", SEARCH_TIMEOUT_MILLIS + "ms");
        return properties;
    }

    @Test
    void aSearchPastTheDeadlineGets503() throws Exception {
        Api api = new Api(server.getURL());
        Api.Response created = api.post(
                "/api/offers",
                "{\"externalId\": \"slow-1\", \"title\": \"Ferry captain\", "
                        + "\"description\": \"Command a car ferry between the islands.\", \"language\": \"en\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(200, search(api).status());

        proxy.delay(3 * SEARCH_TIMEOUT_MILLIS);
        long started = System.nanoTime();
        Api.Response slow = search(api);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(
                "SlowQdrantTest: 503 after " + millis + " ms (search-timeout " + SEARCH_TIMEOUT_MILLIS + " ms)");

        assertEquals(503, slow.status(), slow.body());
        assertEquals("application/problem+json", slow.contentType());
        assertTrue(millis < 3 * SEARCH_TIMEOUT_MILLIS, "the deadline cut the wait short: " + millis + " ms");

        proxy.delay(0);
        long deadline = System.nanoTime() + 30_000_000_000L;
        Api.Response again = search(api);
        while (again.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            again = search(api);
        }
        assertEquals(200, again.status(), "answered again once Qdrant is quick: " + again.body());
    }

    @AfterAll
    void stopProxy() {
        proxy.close();
    }

    private static Api.Response search(Api api) {
        return api.post("/api/search", Api.searchBody("ferry captain between islands", "en"));
    }
}
