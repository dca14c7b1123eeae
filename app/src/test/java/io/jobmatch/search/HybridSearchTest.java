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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid ranking and its explanations over handmade offers (src/test/resources/offers/hybrid-en.json), with the real
 * model, Qdrant and PostgreSQL. The CV below names a rare tool (Camunda) that only an insurance offer mentions, and
 * the Kotlin offer paraphrases the CV without sharing a single word with it.
 */
@MicronautTest
class HybridSearchTest extends ServiceTest {

    static final String CV = "Backend developer, five years of Java and Spring. Built process automation with Camunda.";

    @Inject
    EmbeddedServer server;

    Api api;

    @BeforeAll
    void loadOffers() {
        api = new Api(server.getURL());
        Api.Response loaded = api.post("/api/offers/bulk", "application/json", Resources.text("offers/hybrid-en.json"));
        assertEquals(200, loaded.status(), loaded.body());
    }

    @Test
    void hybridFindsTheKeywordOnlyAndTheParaphraseOnlyOffersInOneList() {
        List<String> keyword = ranked(search(CV, "keyword", 3));
        List<String> dense = ranked(search(CV, "dense", 3));
        List<String> hybrid = ranked(search(CV, "hybrid", 3));

        assertTrue(
                keyword.contains("claims-camunda") && !dense.contains("claims-camunda"),
                "only keywords find the rare tool: keyword " + keyword + ", dense " + dense);
        assertTrue(
                dense.contains("kotlin-server") && !keyword.contains("kotlin-server"),
                "only the model finds the paraphrase: dense " + dense + ", keyword " + keyword);
        assertTrue(hybrid.containsAll(List.of("claims-camunda", "kotlin-server")), "hybrid has both: " + hybrid);
    }

    /**
     * The weighted fusion's score, recomputed from what the other modes and the highlights report: the offer's
     * cosine (dense mode), its best passage's cosine (the first highlight) and its BM25 (keyword mode; 0 when no word
     * is shared), with the English weights 1, 1 and 0.1 and the saturation 20 of the defaults.
     */
    @Test
    void hybridScoreIsTheWeightedSumOfCosineBestPassageAndSaturatedBm25() {
        Map<String, Double> cosine = scores(search(CV, "dense", 100));
        Map<String, Double> bm25 = scores(search(CV, "keyword", 100));
        JsonNode hybrid = search(CV, "hybrid", 100).get("results");

        assertTrue(hybrid.size() >= bm25.size(), "every keyword match is a candidate: " + hybrid.size());
        for (JsonNode result : hybrid) {
            String id = result.at("/offer/externalId").asText();
            double keyword = bm25.getOrDefault(id, 0.0);
            double expected =
                    cosine.get(id) + result.at("/highlights/0/similarity").asDouble() + 0.1 * keyword / (keyword + 20);
            assertEquals(expected, result.get("score").asDouble(), 2e-3, id);
        }
    }

    @Test
    void hybridIsTheDefaultAndEchoesItsMode() {
        JsonNode body = api.post("/api/search", Api.searchBody(CV, "en")).json();

        assertEquals("hybrid", body.get("mode").asText());
        assertEquals(ranked(search(CV, "hybrid", 10)), ranked(body));
    }

    @Test
    void highlightsPointAtThePassageThatMatches() {
        JsonNode body =
                search("Forklift driver: I have a forklift licence and have driven forklifts for years.", "hybrid", 1);

        JsonNode top = body.at("/results/0");
        assertEquals("warehouse-forklift", top.at("/offer/externalId").asText());
        JsonNode highlights = top.get("highlights");
        assertTrue(highlights.size() >= 1 && highlights.size() <= 3, highlights.toString());
        assertEquals(
                "You will drive forklift trucks to load and unload lorries and move pallets to the racks.",
                highlights.at("/0/text").asText());
        double previous = 1.0;
        for (JsonNode highlight : highlights) {
            double similarity = highlight.get("similarity").asDouble();
            assertTrue(similarity > 0 && similarity <= previous + 1e-6, "best first: " + highlights);
            previous = similarity;
        }
        assertTrue(
                listOf(top.get("matchedTerms")).contains("Forklift"),
                top.get("matchedTerms").toString());
    }

    @Test
    void matchedTermsAreTheQueryWordsTheOfferContainsAfterAnalysis() {
        JsonNode results = search(CV, "keyword", 10).get("results");

        JsonNode claims = find(results, "claims-camunda");
        assertEquals(List.of("Camunda", "process"), sorted(listOf(claims.get("matchedTerms"))));
        assertEquals(
                List.of("developer"),
                listOf(find(results, "react-frontend").get("matchedTerms")),
                "'Developer' in the offer matches 'developer' in the CV");
    }

    @Test
    void unknownModeIsRejected() {
        Api.Response response = api.post("/api/search", Api.searchBody(CV, "en").put("mode", "semantic"));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("mode"), response.body());
    }

    private JsonNode search(String text, String mode, int limit) {
        Api.Response response = api.post(
                "/api/search", Api.searchBody(text, "en").put("mode", mode).put("limit", limit));
        assertEquals(200, response.status(), response.body());
        assertEquals(mode, response.json().get("mode").asText());
        return response.json();
    }

    private static Map<String, Double> scores(JsonNode body) {
        Map<String, Double> scores = new HashMap<>();
        body.get("results")
                .forEach(result -> scores.put(
                        result.at("/offer/externalId").asText(),
                        result.get("score").asDouble()));
        return scores;
    }

    private static List<String> ranked(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("results")
                .forEach(result -> ids.add(result.at("/offer/externalId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode results, String externalId) {
        for (JsonNode result : results) {
            if (result.at("/offer/externalId").asText().equals(externalId)) {
                return result;
            }
        }
        throw new AssertionError(externalId + " is not in " + results);
    }

    private static List<String> listOf(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
