package io.jobmatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Jobs like my CV" over the bundled sample offers, with the real model, Qdrant and PostgreSQL. */
@MicronautTest
class SearchByCvTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    Api api;

    @BeforeAll
    void loadSamples() {
        api = new Api(server.getURL());
        samples.load();
    }

    @ParameterizedTest(name = "{0} in {1} finds {2}")
    @CsvSource({
        "cvs/fr-java-developer.txt, fr, fr-001",
        "cvs/de-nurse.txt, de, de-003",
        "cvs/en-truck-driver.txt, en, en-004",
        "cvs/en-accountant.txt, en, en-005",
    })
    void cvFindsTheIntendedOfferInTopThreeAndOnlyItsLanguage(String cv, String language, String expected) {
        Api.Response response = api.post(
                "/api/search", Api.searchBody(Resources.text(cv), language).put("limit", 10));

        assertEquals(200, response.status(), response.body());
        JsonNode results = response.json().get("results");
        assertEquals(10, results.size(), "the sample set has 11 open offers per language");
        List<String> ranked = new ArrayList<>();
        for (JsonNode result : results) {
            assertEquals(language, result.at("/offer/language").asText(), "every result is in the requested language");
            assertEquals("OPEN", result.at("/offer/status").asText());
            ranked.add(result.at("/offer/externalId").asText());
        }
        assertTrue(ranked.subList(0, 3).contains(expected), expected + " should be in the top 3 of " + ranked);
        double previous = Double.MAX_VALUE;
        for (JsonNode result : results) {
            assertTrue(result.get("score").asDouble() <= previous, "results are ordered best first");
            previous = result.get("score").asDouble();
        }
    }

    @Test
    void countryFilterKeepsOnlyThatCountry() {
        Api.Response response = api.post(
                "/api/search",
                Api.searchBody(Resources.text("cvs/fr-nurse.txt"), "fr")
                        .put("country", "BE")
                        .put("limit", 50));

        JsonNode results = response.json().get("results");
        assertFalse(results.isEmpty());
        results.forEach(r -> assertEquals("BE", r.at("/offer/country").asText()));
    }

    @Test
    void searchNeverReturnsClosedOffersEvenForTheirOwnText() {
        Api.Response closed = api.post(
                "/api/search",
                Api.searchBody("Senior Java Software Engineer (Spring Boot, Microservices)", "en")
                        .put("limit", 100));

        JsonNode results = closed.json().get("results");
        assertEquals(11, results.size(), "all open English offers, and no closed one");
        results.forEach(r -> assertEquals("OPEN", r.at("/offer/status").asText()));
        results.forEach(r -> assertFalse(r.at("/offer/externalId").asText().equals("en-011")));
    }

    @Test
    void pagingContinuesWhereThePreviousPageEnded() {
        String cv = Resources.text("cvs/en-accountant.txt");
        JsonNode all = api.post("/api/search", Api.searchBody(cv, "en").put("limit", 6))
                .json()
                .get("results");
        JsonNode second = api.post(
                        "/api/search", Api.searchBody(cv, "en").put("limit", 3).put("offset", 3))
                .json()
                .get("results");

        for (int i = 0; i < 3; i++) {
            assertEquals(all.get(3 + i).at("/offer/id"), second.get(i).at("/offer/id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dense", "hybrid"})
    void whatALongCvSaysInItsLastWindowStillFindsItsOffer(String mode) {
        String cv = Resources.text("cvs/long-en-java-developer.txt") + "\n\nCareer change. I have now passed my "
                + "C+E (Class 1) licence and my driver CPC, hold a digital tachograph card, and I am looking for "
                + "night trunking work as an HGV driver, securing loads and keeping to delivery schedules.";

        JsonNode body = api.post(
                        "/api/search",
                        Api.searchBody(cv, "en").put("mode", mode).put("limit", 3))
                .json();

        assertTrue(body.get("queryChunks").asInt() >= 2, body.toString());
        List<String> top = new ArrayList<>();
        body.get("results").forEach(r -> top.add(r.at("/offer/externalId").asText()));
        assertTrue(top.contains("en-004"), "the HGV offer matches the CV's last window: " + top);
        assertTrue(top.contains("en-001"), "and the Java offer its first ones: " + top);
    }

    @Test
    void longCvIsReadWholeAndReportsItsChunks() {
        Api.Response response = api.post(
                "/api/search",
                Api.searchBody(Resources.text("cvs/long-en-java-developer.txt"), "en")
                        .put("limit", 3));

        JsonNode body = response.json();
        assertEquals(200, response.status(), response.body());
        assertTrue(body.get("queryTokens").asInt() > 512, "a 600-word CV is longer than one model window");
        assertTrue(body.get("queryChunks").asInt() >= 2, "so it is read in several windows, not truncated");
        assertTrue(
                List.of("en-001")
                        .contains(body.at("/results/0/offer/externalId").asText()),
                "the open English Java offer ranks first: " + body.at("/results/0/offer/title"));
    }
}
