package io.jobmatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With passages switched off ({@code jobmatch.index.passages.enabled: false}) no offer has passage vectors: hybrid
 * search must still answer, rank by cosine and keywords alone, and return no highlights.
 */
@MicronautTest
class HybridWithoutPassagesTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jobmatch.index.passages.enabled", "false");
        return properties;
    }

    @Test
    void hybridRanksByCosineAndKeywordsAlone() {
        Api api = new Api(server.getURL());
        assertEquals(
                200,
                api.post("/api/offers/bulk", "application/json", Resources.text("offers/hybrid-en.json"))
                        .status());

        JsonNode dense = search(api, "dense");
        JsonNode hybrid = search(api, "hybrid");

        assertTrue(hybrid.size() > 0, hybrid.toString());
        JsonNode top = hybrid.get(0);
        assertEquals(0, top.get("highlights").size(), top.toString());
        // The passage term is 0 for every offer, so the top score is its cosine plus at most the keyword weight 0.1.
        double cosine = cosineOf(dense, top.at("/offer/externalId").asText());
        double score = top.get("score").asDouble();
        assertTrue(score >= cosine - 1e-3 && score <= cosine + 0.1 + 1e-3, score + " vs cosine " + cosine);
    }

    private static JsonNode search(Api api, String mode) {
        Api.Response response = api.post(
                "/api/search",
                Api.searchBody(HybridSearchTest.CV, "en").put("mode", mode).put("limit", 100));
        assertEquals(200, response.status(), response.body());
        return response.json().get("results");
    }

    private static double cosineOf(JsonNode results, String externalId) {
        for (JsonNode result : results) {
            if (result.at("/offer/externalId").asText().equals(externalId)) {
                return result.get("score").asDouble();
            }
        }
        throw new AssertionError(externalId + " is not in the dense results");
    }
}
