package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recruiters' listing ({@code GET /api/offers}): every page walked with its cursor, compared with the same
 * selection done here in Java over every stored offer.
 */
@MicronautTest
class OfferListingTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    Api api;

    @BeforeAll
    void loadOffers() {
        api = new Api(server.getURL());
        samples.load();
        post(
                "listing-1",
                "other-feed",
                "ÉCOLE d'ingénieurs: Enseignant Java",
                "Cours de programmation.",
                "fr",
                "CLOSED");
        post("listing-2", "other-feed", "Data analyst", "100% remote, SQL_reports and Python.", "en", "OPEN");
        post("listing-3", "other-feed", "Ärztin (m/w/d)", "Wir suchen eine ÄRZTIN für die Notaufnahme.", "de", "OPEN");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|||",
                "java|||",
                "JAVA developer|||",
                "java|fr||",
                "pflege||CLOSED|",
                "|de|OPEN|",
                "||CLOSED|",
                "||OPEN|other-feed",
                "java|en|CLOSED|sample",
                "école|||",
                "ärztin notaufnahme|||",
                "100%|||",
                "sql_reports|||"
            })
    void everyPageTogetherIsTheSelectionInItsOrder(String q, String language, String status, String source) {
        List<JsonNode> all = walk("", 100);
        List<String> words =
                q == null || q.isBlank() ? List.of() : List.of(q.strip().split("\\s+"));
        Predicate<JsonNode> selected = offer -> (language == null || language.equals(text(offer, "language")))
                && (status == null || status.equals(text(offer, "status")))
                && (source == null || source.equals(text(offer, "source")))
                && words.stream().allMatch(word -> haystack(offer).contains(word.toLowerCase(Locale.ROOT)));
        List<String> expected =
                all.stream().filter(selected).map(offer -> text(offer, "id")).toList();
        StringBuilder query = new StringBuilder();
        param(query, "q", q);
        param(query, "language", language);
        param(query, "status", status);
        param(query, "source", source);

        List<JsonNode> listed = walk(query.toString(), 3);

        assertFalse(expected.isEmpty(), "the case selects something");
        assertEquals(
                new HashSet<>(expected),
                new HashSet<>(listed.stream().map(o -> text(o, "id")).toList()),
                "the pages hold exactly the offers selected");
        assertEquals(
                listed.size(),
                listed.stream().map(o -> text(o, "id")).distinct().count(),
                "no offer twice");
        Comparator<JsonNode> order = Comparator.<JsonNode>comparingLong(o -> -titleHits(o, words))
                .thenComparing(o -> Instant.parse(text(o, "createdAt")), Comparator.reverseOrder());
        List<JsonNode> sorted = new ArrayList<>(listed);
        sorted.sort(order);
        assertEquals(ids(sorted), ids(listed), "more words in the title first, then newest first");
    }

    @Test
    void closedOffersAreListedAndEachIsTheStoredOffer() {
        List<JsonNode> closed = walk("&status=CLOSED", 100);

        assertTrue(closed.size() >= 2, "the samples' closed offers and listing-1");
        for (JsonNode offer : closed) {
            assertEquals(api.get("/api/offers/" + text(offer, "id")).json(), offer);
        }
    }

    @Test
    void aPageDoesNotShiftWhenOffersAreAddedBetweenPages() {
        JsonNode first = api.get("/api/offers?limit=4").json();
        post("listing-new", "default", "Brand new offer", "Added between two pages.", "en", "OPEN");

        JsonNode second = api.get(
                        "/api/offers?limit=4&cursor=" + first.get("nextCursor").asText())
                .json();
        List<JsonNode> fromStart = walk("", 100);
        List<String> withoutNew = ids(fromStart).stream()
                .filter(id -> !id.equals(idOf("listing-new")))
                .toList();

        assertEquals(withoutNew.subList(0, 8), concat(ids(first.get("offers")), ids(second.get("offers"))));
        assertEquals(idOf("listing-new"), ids(fromStart).get(0), "newest first");
        assertEquals(204, api.delete("/api/offers/" + idOf("listing-new")).status());
    }

    @Test
    void theLastPageHasNoCursor() {
        JsonNode page = api.get("/api/offers?source=other-feed&limit=3").json();

        assertEquals(3, page.get("offers").size());
        assertNull(page.get("nextCursor"), "exactly three offers: nothing after them");
        assertEquals(0, api.get("/api/offers?q=zzzqqqxxx").json().get("offers").size());
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit",
        "limit=101, limit",
        "limit=ten, limit",
        "status=PAUSED, status",
        "language=xx, language",
        "source=a%20b, source",
        "cursor=not-a-cursor, cursor",
        "cursor=MTo6, cursor"
    })
    void badParametersAreProblemsNamingTheParameter(String query, String field) {
        Api.Response response = api.get("/api/offers?" + query);

        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(field, response.json().at("/errors/0/field").asText(), response.body());
    }

    @Test
    void aLongQueryIsRefused() {
        Api.Response response = api.get("/api/offers?q=" + "a".repeat(201));

        assertEquals(400, response.status());
        assertEquals("q", response.json().at("/errors/0/field").asText());
    }

    private List<JsonNode> walk(String query, int limit) {
        List<JsonNode> offers = new ArrayList<>();
        String cursor = null;
        Set<String> cursors = new HashSet<>();
        do {
            String path = "/api/offers?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Response response = api.get(path);
            assertEquals(200, response.status(), response.body());
            JsonNode page = response.json();
            page.get("offers").forEach(offers::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            assertTrue(cursor == null || cursors.add(cursor), "a cursor moves forward");
            assertTrue(cursor == null || page.get("offers").size() == limit, "only the last page is short");
        } while (cursor != null);
        return offers;
    }

    private String idOf(String externalId) {
        return walk("", 100).stream()
                .filter(o -> externalId.equals(text(o, "externalId")))
                .map(o -> text(o, "id"))
                .findFirst()
                .orElseThrow();
    }

    private void post(
            String externalId, String source, String title, String description, String language, String status) {
        ObjectNode offer = Api.JSON.createObjectNode();
        offer.put("externalId", externalId);
        offer.put("source", source);
        offer.put("title", title);
        offer.put("description", description);
        offer.put("language", language);
        offer.put("status", status);
        assertEquals(201, api.post("/api/offers", offer).status());
    }

    private static String haystack(JsonNode offer) {
        return (text(offer, "title") + " " + (offer.has("company") ? text(offer, "company") : "") + " "
                        + text(offer, "description"))
                .toLowerCase(Locale.ROOT);
    }

    private static long titleHits(JsonNode offer, List<String> words) {
        String title = text(offer, "title").toLowerCase(Locale.ROOT);
        return words.stream()
                .filter(w -> title.contains(w.toLowerCase(Locale.ROOT)))
                .count();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asText();
    }

    private static List<String> ids(Iterable<JsonNode> offers) {
        List<String> ids = new ArrayList<>();
        offers.forEach(o -> ids.add(text(o, "id")));
        return ids;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
