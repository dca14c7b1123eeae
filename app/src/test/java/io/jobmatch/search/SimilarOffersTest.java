package io.jobmatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.ingest.BulkResponse;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recruiters' "similar past roles": offer-to-offer similarity over the sample offers. */
@MicronautTest
class SimilarOffersTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    Api api;
    final Map<String, UUID> ids = new HashMap<>();

    @BeforeAll
    void loadSamples() {
        api = new Api(server.getURL());
        BulkResponse loaded = samples.load();
        loaded.results().forEach(r -> ids.put(r.externalId(), r.id()));
    }

    @Test
    void sameOccupationComesFirstAndClosedRolesAreIncludedOnRequest() {
        JsonNode results = similar("en-001", "?language=en&includeClosed=true&limit=5");

        assertEquals(
                "en-011",
                results.at("/0/offer/externalId").asText(),
                "the closed senior Java role is the closest past role to the open Java role");
        assertEquals("CLOSED", results.at("/0/offer/status").asText());
        results.forEach(r -> assertNotEquals("en-001", r.at("/offer/externalId").asText(), "never the offer itself"));
    }

    @Test
    void closedRolesAreHiddenByDefault() {
        JsonNode results = similar("en-001", "?language=en&limit=20");

        assertEquals(10, results.size(), "11 open English offers minus the offer itself");
        results.forEach(r -> assertEquals("OPEN", r.at("/offer/status").asText()));
        results.forEach(r -> assertEquals("en", r.at("/offer/language").asText()));
    }

    @Test
    void withoutLanguageAllLanguagesAreCandidates() {
        JsonNode results = similar("fr-001", "?limit=30&includeClosed=true");

        assertEquals(30, results.size());
        assertTrue(java.util.stream.StreamSupport.stream(results.spliterator(), false)
                        .map(r -> r.at("/offer/language").asText())
                        .distinct()
                        .count()
                > 1);
    }

    @Test
    void unknownOfferIs404AndMalformedIdIs400() {
        Api.Response unknown = api.get("/api/offers/" + UUID.randomUUID() + "/similar");
        Api.Response malformed = api.get("/api/offers/not-a-uuid/similar");
        Api.Response badLimit = api.get("/api/offers/" + ids.get("en-001") + "/similar?limit=0");

        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals(400, malformed.status());
        assertEquals("id", malformed.json().at("/errors/0/field").asText());
        assertEquals(400, badLimit.status());
        assertEquals("limit", badLimit.json().at("/errors/0/field").asText());
    }

    private JsonNode similar(String externalId, String query) {
        Api.Response response = api.get("/api/offers/" + ids.get(externalId) + "/similar" + query);
        assertEquals(200, response.status(), response.body());
        return response.json().get("results");
    }
}
