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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What searches read of a point (passages for highlights, the dense vector for folding duplicates) is kept between
 * searches, with the real model, Qdrant and PostgreSQL: a repeated search reads both from memory, and an offer edited
 * since is read again, so its highlights are its new sentences. The offer is the only one in Iceland, so the country
 * filter isolates it from other tests' offers.
 */
@MicronautTest
class PointCacheTest extends ServiceTest {

    static final String PASSAGES = "jobmatch.passages";

    static final String VECTORS = "jobmatch.vectors";

    static final String CV = "Mountain guide: I lead small groups across glaciers on crampons and read the ice.";

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry registry;

    @Test
    void aRepeatedSearchReusesThePassagesAndAnEditedOfferIsReadAgain() {
        Api api = new Api(server.getURL());
        store(api, "Lead small groups across the glacier on crampons. Check the weather and the ice every morning.");

        List<String> first = highlights(search(api));
        double hits = count(PASSAGES, "hit");
        double misses = count(PASSAGES, "miss");
        double vectorHits = count(VECTORS, "hit");
        double vectorMisses = count(VECTORS, "miss");
        List<String> second = highlights(search(api));

        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(text -> text.contains("crampons")), "highlights: " + first);
        assertEquals(hits + 1, count(PASSAGES, "hit"), "the repeated search found the offer's passages in memory");
        assertEquals(misses, count(PASSAGES, "miss"), "and read none from Qdrant");
        assertEquals(vectorHits + 1, count(VECTORS, "hit"), "its vector, to fold duplicates, too");
        assertEquals(vectorMisses, count(VECTORS, "miss"));

        store(api, "Drive the snow bus to the glacier camp. Check the weather and the ice every morning.");
        List<String> edited = highlights(search(api));

        assertTrue(edited.stream().noneMatch(text -> text.contains("crampons")), "no removed sentence: " + edited);
        assertTrue(edited.stream().anyMatch(text -> text.contains("snow bus")), "the new sentence: " + edited);
        assertEquals(misses + 1, count(PASSAGES, "miss"), "the edited offer's point has a new version: read again");
        assertEquals(vectorMisses + 1, count(VECTORS, "miss"));
    }

    private static void store(Api api, String description) {
        ObjectNode offer = Api.JSON
                .createObjectNode()
                .put("externalId", "passage-cache-guide")
                .put("language", "en")
                .put("country", "IS")
                .put("title", "Glacier Guide")
                .put("description", description);
        Api.Response stored = api.post("/api/offers", offer);
        assertTrue(stored.status() == 200 || stored.status() == 201, stored.body());
    }

    private static JsonNode search(Api api) {
        ObjectNode body = Api.searchBody(CV, "en").put("country", "IS");
        Api.Response response = api.post("/api/search", body);
        assertEquals(200, response.status(), response.body());
        JsonNode results = response.json().get("results");
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    private static List<String> highlights(JsonNode result) {
        List<String> texts = new ArrayList<>();
        result.get("highlights")
                .forEach(highlight -> texts.add(highlight.get("text").asText()));
        return texts;
    }

    private double count(String cache, String result) {
        return CacheMeters.gets(registry, cache, result);
    }
}
