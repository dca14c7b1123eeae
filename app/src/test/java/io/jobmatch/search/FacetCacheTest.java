package io.jobmatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.CacheMeters;
import io.jobmatch.support.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Facet counts are kept a few seconds per filter, with the real model, Qdrant and PostgreSQL: a repeated search takes
 * them from memory, and an offer this service indexed since is counted by the next search at once. Offers in Malta,
 * a country no other test uses, so the count is this test's own.
 */
@MicronautTest
class FacetCacheTest extends ServiceTest {

    static final String CV = "Harbour pilot guiding container ships into port, ten years at sea.";

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry registry;

    @Test
    void aRepeatedSearchReusesTheCountsAndAWriteIsCountedAtOnce() {
        Api api = new Api(server.getURL());
        store(api, "facet-cache-pilot-1");

        long before = malta(search(api));
        double hits = count("hit");
        assertEquals(before, malta(search(api)));
        assertTrue(count("hit") > hits, "the repeated search's counts came from memory");

        store(api, "facet-cache-pilot-2");

        assertEquals(before + 1, malta(search(api)), "the offer indexed since is counted");
    }

    private static void store(Api api, String externalId) {
        ObjectNode offer = Api.JSON
                .createObjectNode()
                .put("externalId", externalId)
                .put("language", "en")
                .put("country", "MT")
                .put("title", "Harbour Pilot")
                .put("description", "Guide container ships and tankers into the Grand Harbour, day and night.");
        Api.Response stored = api.post("/api/offers", offer);
        assertTrue(stored.status() == 200 || stored.status() == 201, stored.body());
    }

    private static JsonNode search(Api api) {
        Api.Response response = api.post("/api/search", Api.searchBody(CV, "en"));
        assertEquals(200, response.status(), response.body());
        return response.json().get("facets");
    }

    private static long malta(JsonNode facets) {
        for (JsonNode country : facets.get("country")) {
            if (country.get("value").asText().equals("MT")) {
                return country.get("count").asLong();
            }
        }
        return 0;
    }

    private double count(String result) {
        return CacheMeters.gets(registry, "jobmatch.facets", result);
    }
}
