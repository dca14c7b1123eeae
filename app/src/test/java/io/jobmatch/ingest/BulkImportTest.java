package io.jobmatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk ingestion: bad items are reported one by one and never stop the good ones. */
@MicronautTest
class BulkImportTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    Api api;

    @BeforeAll
    void client() {
        api = new Api(server.getURL());
    }

    @Test
    void jsonArrayStoresGoodItemsAndReportsBadOnes() {
        String body = "[" + offer("bulk-1", "Roofer", "Fix and replace slate roofs.") + ","
                + "{\"externalId\": \"bulk-2\", \"title\": \"No language\", \"description\": \"x\"},"
                + offer("bulk-3", "Tiler", "Lay ceramic tiles in bathrooms and kitchens.") + ","
                + "42]";

        Api.Response response = api.post("/api/offers/bulk", body);

        assertEquals(200, response.status(), response.body());
        JsonNode json = response.json();
        assertEquals(2, json.get("created").asInt());
        assertEquals(2, json.get("invalid").asInt());
        JsonNode results = json.get("results");
        assertEquals("CREATED", results.at("/0/status").asText());
        assertEquals("INVALID", results.at("/1/status").asText());
        assertEquals("bulk-2", results.at("/1/externalId").asText());
        assertEquals("language", results.at("/1/errors/0/field").asText());
        assertEquals("CREATED", results.at("/2/status").asText());
        assertEquals("INVALID", results.at("/3/status").asText());
        assertEquals(200, api.get("/api/offers/" + results.at("/2/id").asText()).status());
        assertEquals(
                "bulk-3",
                searchTop("ceramic tiles bathroom tiler")
                        .at("/offer/externalId")
                        .asText(),
                "bulk items are searchable at once");
    }

    @Test
    void ndjsonReportsAMalformedLineAndKeepsTheRest() {
        String body = offer("nd-1", "Baker", "Bake bread at night.") + "\n"
                + "{\"externalId\": \"nd-2\", \"title\": \n"
                + "\n"
                + offer("nd-3", "Florist", "Compose bouquets for weddings.") + "\n";

        Api.Response response = api.post("/api/offers/bulk", "application/x-ndjson", body);

        JsonNode json = response.json();
        assertEquals(200, response.status(), response.body());
        assertEquals(2, json.get("created").asInt());
        assertEquals("INVALID", json.at("/results/1/status").asText());
        assertTrue(json.at("/results/1/errors/0/message").asText().contains("not valid JSON"));
        assertEquals("nd-3", json.at("/results/2/externalId").asText());
    }

    @Test
    void reimportingTheSameOffersChangesNothing() {
        String body = "[" + offer("again-1", "Gardener", "Mow lawns and prune hedges.") + "]";
        api.post("/api/offers/bulk", body);

        JsonNode again = api.post("/api/offers/bulk", body).json();

        assertEquals(1, again.get("unchanged").asInt());
        assertEquals(0, again.get("created").asInt() + again.get("updated").asInt());
    }

    @Test
    void tooManyItemsIsRejectedWhole() {
        String body = IntStream.range(0, BulkImporter.MAX_ITEMS + 1)
                .mapToObj(i -> offer("many-" + i, "Clerk", "File papers."))
                .collect(Collectors.joining(",", "[", "]"));

        Api.Response response = api.post("/api/offers/bulk", body);

        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertFalse(searchTop("clerk filing papers")
                .at("/offer/externalId")
                .asText()
                .startsWith("many-"));
    }

    private JsonNode searchTop(String text) {
        return api.post("/api/search", Api.searchBody(text, "en")).json().at("/results/0");
    }

    private static String offer(String externalId, String title, String description) {
        return "{\"externalId\": \"" + externalId + "\", \"title\": \"" + title + "\", \"description\": \""
                + description + "\", \"language\": \"en\", \"country\": \"IE\"}";
    }
}
