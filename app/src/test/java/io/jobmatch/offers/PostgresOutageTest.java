package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.local.EmbeddedPostgresServer;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops while the service runs (a real PostgreSQL 17 of this test's own, stopped with pg_ctl and started
 * again on the same data and port): searches, reads and writes answer 503 problem+json with Retry-After, quickly
 * and without a stack trace; /health is DOWN; once PostgreSQL is back the service recovers by itself (the pool opens
 * new connections) and every offer acknowledged before the outage is there.
 */
@MicronautTest
class PostgresOutageTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    Path dataDir;
    int port;
    EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> getProperties() {
        try {
            dataDir = Files.createTempDirectory("jobmatch-pg-outage").resolve("postgres");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedPostgresServer.start(dataDir, port);
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("datasources.default.url", postgres.jdbcUrl());
        return properties;
    }

    @Test
    void anOutageAnswers503AndTheServiceRecoversByItself() throws Exception {
        Api api = new Api(server.getURL());
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = api.post("/api/offers", offer("before-" + i));
            assertEquals(201, created.status(), created.body());
            acknowledged.add(created.body());
        }
        assertEquals(200, search(api).status());

        postgres.close();

        List<Supplier<Api.Response>> requests = List.of(
                () -> search(api),
                () -> api.post("/api/offers", offer("during")),
                () -> api.post("/api/offers/bulk", "[" + offer("during-bulk") + "]"),
                () -> api.get("/api/offers/" + id(acknowledged.get(0))),
                () -> api.delete("/api/offers/" + id(acknowledged.get(1))),
                () -> api.get("/api/countries?language=en"));
        for (Supplier<Api.Response> request : requests) {
            long started = System.nanoTime();
            Api.Response response = request.get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("PostgresOutageTest: 503 after " + millis + " ms: " + response.body());
            assertEquals(503, response.status(), response.body());
            assertEquals("application/problem+json", response.contentType());
            assertEquals(
                    "The database is unavailable; retry shortly",
                    response.json().get("detail").asText());
            assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
            assertTrue(
                    millis < 8_000, "a 503 within the pool's 2 s connection timeout and the model's time: " + millis);
        }
        long healthStarted = System.nanoTime();
        Api.Response health = api.get("/health");
        System.out.println("PostgresOutageTest: /health answered " + health.status() + " after "
                + (System.nanoTime() - healthStarted) / 1_000_000 + " ms: " + health.body());
        assertEquals(503, health.status(), health.body());
        assertEquals("DOWN", health.json().get("status").asText());

        long restarted = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(dataDir, port);
        long recovered = awaitSearch(api);
        System.out.println("PostgresOutageTest: PostgreSQL started in " + (recovered - restarted) / 1_000_000
                + " ms to the first answered search, counted from the start of its restart");

        for (String offer : acknowledged) {
            Api.Response read = api.get("/api/offers/" + id(offer));
            assertEquals(200, read.status(), "acknowledged before the outage: " + offer);
            assertEquals(Api.JSON.readTree(offer), read.json());
        }
        assertEquals(201, api.post("/api/offers", offer("after")).status());
        assertEquals(200, api.get("/health").status());
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    /** Polls until a search is answered again; returns when (nanoTime). */
    private static long awaitSearch(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response response = search(api);
            if (response.status() == 200) {
                return System.nanoTime();
            }
            assertEquals(503, response.status(), response.body());
            Thread.sleep(100);
        }
        throw new AssertionError("no search answered within 60 s of PostgreSQL's restart");
    }

    private static Api.Response search(Api api) {
        return api.post("/api/search", Api.searchBody("ferry captain between islands", "en"));
    }

    private static String id(String offer) {
        try {
            return Api.JSON.readTree(offer).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String offer(String externalId) {
        return "{\"externalId\": \"" + externalId + "\", \"title\": \"Ferry captain\", "
                + "\"description\": \"Command a car ferry between the islands.\", \"language\": \"en\"}";
    }
}
