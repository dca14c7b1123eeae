package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Create, update (upsert by source + externalId), read and delete one offer; search follows every step. */
@MicronautTest
class OfferLifecycleTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    Api api;
    Sql sql;

    @BeforeAll
    void client() {
        api = new Api(server.getURL());
        sql = new Sql(dataSource);
        api.post(
                "/api/offers",
                offer(
                        "neighbour-1",
                        "Backend Java developer",
                        "Build Java services with Spring Boot, PostgreSQL and Kafka for a logistics platform."));
        api.post(
                "/api/offers",
                offer(
                        "neighbour-2",
                        "Pastry chef",
                        "Bake croissants, entremets and viennoiseries for a busy hotel restaurant."));
    }

    @Test
    void upsertTwiceKeepsOneOfferAndSearchesTheNewText() {
        String bees = "beekeeper harvesting honey from hives";
        Api.Response created = api.post(
                "/api/offers",
                offer(
                        "lifecycle-1",
                        "Beekeeper",
                        "Look after two hundred hives, harvest honey and breed queens in the Alps."));
        String id = created.json().get("id").asText();
        double beforeScore = scoreOf(denseSearch(bees), id);
        assertEquals(id, search(bees).at("/0/offer/id").asText());

        Api.Response updated = api.post(
                "/api/offers",
                offer(
                        "lifecycle-1",
                        "Lighthouse keeper",
                        "Maintain the lamp and the fog signal of a remote lighthouse, log the weather every three hours."));

        assertEquals(201, created.status(), created.body());
        assertEquals(200, updated.status(), updated.body());
        assertEquals(id, updated.json().get("id").asText(), "an upsert keeps the offer's id");
        assertEquals(
                "Lighthouse keeper",
                api.get("/api/offers/" + id).json().get("title").asText());
        assertEquals(
                1,
                sql.count("select count(*) from offer where external_id = ?", "lifecycle-1"),
                "one row for one (source, externalId)");

        JsonNode top = search("lighthouse keeper, weather log, fog signal maintenance");
        assertEquals(id, top.at("/0/offer/id").asText(), "the updated text is what gets searched");
        double afterScore = scoreOf(denseSearch(bees), id);
        assertTrue(
                afterScore < beforeScore - 0.02,
                "the old text's vector is gone: bee query scored " + beforeScore + " before, " + afterScore + " after");
    }

    @Test
    void sameOfferAgainIsUnchangedAndKeepsItsVersion() {
        ObjectNode body = offer("lifecycle-2", "Tram driver", "Drive city trams on a rotating timetable.");
        Api.Response first = api.post("/api/offers", body);
        Api.Response again = api.post("/api/offers", body);

        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.json().get("updatedAt"), again.json().get("updatedAt"), "nothing changed, no new version");
    }

    @Test
    void deleteRemovesTheOfferFromStoreSearchAndSimilar() {
        String id = api.post(
                        "/api/offers",
                        offer(
                                "lifecycle-3",
                                "Glassblower",
                                "Shape molten glass into vases and lamps in a small studio."))
                .json()
                .get("id")
                .asText();
        String neighbour =
                search("Backend Java developer Spring Boot").at("/0/offer/id").asText();
        assertEquals(
                id,
                search("glassblower shaping molten glass vases")
                        .at("/0/offer/id")
                        .asText());

        assertEquals(204, api.delete("/api/offers/" + id).status());

        assertEquals(404, api.get("/api/offers/" + id).status());
        assertEquals(404, api.delete("/api/offers/" + id).status(), "a second delete finds nothing");
        assertFalse(ids(search("glassblower shaping molten glass vases")).contains(id));
        JsonNode similar = api.get("/api/offers/" + neighbour + "/similar?limit=100")
                .json()
                .get("results");
        assertFalse(ids(similar).contains(id));
    }

    private JsonNode search(String text) {
        Api.Response response =
                api.post("/api/search", Api.searchBody(text, "en").put("limit", 50));
        assertEquals(200, response.status(), response.body());
        return response.json().get("results");
    }

    /** Dense mode: its scores are cosine similarities, comparable before and after the update. */
    private JsonNode denseSearch(String text) {
        Api.Response response = api.post(
                "/api/search", Api.searchBody(text, "en").put("limit", 50).put("mode", "dense"));
        assertEquals(200, response.status(), response.body());
        return response.json().get("results");
    }

    private static double scoreOf(JsonNode results, String id) {
        return StreamSupport.stream(results.spliterator(), false)
                .filter(r -> r.at("/offer/id").asText().equals(id))
                .mapToDouble(r -> r.get("score").asDouble())
                .findFirst()
                .orElse(-1);
    }

    private static java.util.List<String> ids(JsonNode results) {
        return StreamSupport.stream(results.spliterator(), false)
                .map(r -> r.at("/offer/id").asText())
                .toList();
    }

    static ObjectNode offer(String externalId, String title, String description) {
        ObjectNode offer = Api.JSON.createObjectNode();
        offer.put("externalId", externalId);
        offer.put("title", title);
        offer.put("description", description);
        offer.put("language", "en");
        offer.put("country", "GB");
        return offer;
    }
}
