package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the service the way {@code ./jobmatch serve} does ({@link RunningService}: embedded PostgreSQL and local
 * Qdrant under one data directory), stops it, and starts it again on the same directory: offers and search results
 * are still there.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void offersAndSearchResultsSurviveARestart() {
        String cv = Resources.text("cvs/de-nurse.txt");
        JsonNode firstRun;
        try (Service service = Service.start(dataDir)) {
            service.context.getBean(SampleOffersLoader.class).load();
            service.api.post(
                    "/api/offers",
                    "{\"externalId\": \"restart-1\", \"title\": \"Krankenpfleger\", "
                            + "\"description\": \"Pflege auf der Station.\", \"language\": \"de\"}");
            firstRun = search(service.api, cv);
            assertEquals(200, service.api.get("/health").status());
        }

        try (Service service = Service.start(dataDir)) {
            JsonNode secondRun = search(service.api, cv);

            assertEquals(ids(firstRun), ids(secondRun), "same offers, same order after the restart");
            assertTrue(service.api.get("/api/countries?language=de").body().contains("\"DE\""));
            JsonNode stored = service.api
                    .post(
                            "/api/offers/bulk",
                            "[{\"externalId\": \"restart-1\", \"title\": "
                                    + "\"Krankenpfleger\", \"description\": \"Pflege auf der Station.\", \"language\": \"de\"}]")
                    .json();
            assertEquals(1, stored.get("unchanged").asInt(), "the offer stored before the restart is still there");
        }
    }

    private static JsonNode search(Api api, String cv) {
        Api.Response response = api.post("/api/search", Api.searchBody(cv, "de").put("limit", 5));
        assertEquals(200, response.status(), response.body());
        assertEquals(5, response.json().get("results").size());
        return response.json().get("results");
    }

    private static String ids(JsonNode results) {
        StringBuilder ids = new StringBuilder();
        results.forEach(r -> ids.append(r.at("/offer/id").asText()).append(' '));
        return ids.toString();
    }

    private record Service(RunningService running, ApplicationContext context, Api api) implements AutoCloseable {

        static Service start(Path dataDir) {
            LocalSettings settings =
                    new LocalSettings(dataDir, Optional.empty(), 0, Optional.empty(), TestServers.qdrantBinary(), 0, 0);
            Map<String, Object> properties = new HashMap<>(TestServers.modelProperties());
            properties.put("micronaut.server.port", -1);
            properties.putAll(TestServers.apiKeyProperties());
            RunningService running = RunningService.start(settings, properties);
            return new Service(
                    running, running.context(), new Api(running.server().getURL()));
        }

        @Override
        public void close() {
            running.close();
        }
    }
}
