package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offers and searches without a language: the detected one is used when the detector is sure, refused otherwise. */
@MicronautTest
class LanguageDetectionTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    Api api;
    ArrayNode samples;

    @BeforeAll
    void client() throws IOException {
        api = new Api(server.getURL());
        samples = (ArrayNode) Api.JSON.readTree(Resources.text("samples/offers.json"));
    }

    @Test
    void everySampleOfferPostedWithoutItsLanguageIsFiledUnderTheRightOne() {
        ArrayNode unlabelled = Api.JSON.createArrayNode();
        samples.forEach(offer -> {
            ObjectNode copy = offer.deepCopy();
            copy.remove("language");
            copy.put("source", "unlabelled");
            unlabelled.add(copy);
        });

        JsonNode response = api.post("/api/offers/bulk", unlabelled).json();

        assertEquals(samples.size(), response.get("created").asInt(), response.toString());
        for (int i = 0; i < samples.size(); i++) {
            JsonNode stored = api.get("/api/offers/"
                            + response.at("/results/" + i + "/id").asText())
                    .json();
            assertEquals(
                    samples.get(i).get("language").asText(),
                    stored.get("language").asText(),
                    samples.get(i).get("externalId").asText());
            assertTrue(stored.get("languageConfidence").asDouble() >= 0.9, stored.toString());
        }
    }

    @Test
    void anOfferTooShortToTellIsRefusedSayingSo() {
        Api.Response response = api.post(
                "/api/offers", "{\"externalId\": \"short-1\", \"title\": \"Java\", \"description\": \"Java\"}");

        assertEquals(400, response.status(), response.body());
        JsonNode error = response.json().at("/errors/0");
        assertEquals("language", error.get("field").asText());
        assertTrue(
                error.get("message").asText().contains("not confident enough")
                        || error.get("message").asText().contains("could not be detected"),
                error.toString());
    }

    @Test
    void aGivenLanguageIsKeptAndHasNoConfidence() {
        JsonNode stored = api.post(
                        "/api/offers",
                        "{\"externalId\": \"given-1\", \"title\": \"Chauffeur\", "
                                + "\"description\": \"Conduite de poids lourds.\", \"language\": \"fr\"}")
                .json();

        assertEquals("fr", stored.get("language").asText());
        assertNull(stored.get("languageConfidence"));
    }

    @Test
    void searchWithoutLanguageFiltersOnTheCvsDetectedLanguage() {
        api.post("/api/offers/bulk", samples);

        JsonNode response = api.post("/api/search", Api.searchBody(Resources.text("cvs/de-java-developer.txt"), null))
                .json();

        assertEquals("de", response.get("detectedLanguage").asText());
        assertEquals("de", response.get("language").asText());
        assertTrue(response.get("detectedLanguageConfidence").asDouble() >= 0.9);
        assertFalse(response.get("results").isEmpty());
        response.get("results")
                .forEach(r -> assertEquals("de", r.at("/offer/language").asText()));
    }

    @Test
    void aGivenSearchLanguageWinsOverDetection() {
        api.post("/api/offers/bulk", samples);

        JsonNode response = api.post("/api/search", Api.searchBody(Resources.text("cvs/de-java-developer.txt"), "nl"))
                .json();

        assertEquals("nl", response.get("language").asText());
        assertNull(response.get("detectedLanguage"));
        response.get("results")
                .forEach(r -> assertEquals("nl", r.at("/offer/language").asText()));
    }
}
