package io.jobmatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes need an API key that holds the offer's source; reads and searches stay public. Keys come from
 * {@code jobmatch.security.api-keys} (the test's {@code *} key and a key for two feeds) and from a keys file holding
 * only the SHA-256 of a third key.
 */
@MicronautTest
class ApiKeysTest extends ServiceTest {

    static final String FEED_A_KEY = "key-of-feed-a-and-c-0123";
    static final String FILE_KEY = "key-of-feed-b-from-the-file";

    /** Non-GET routes that are public on purpose: searches read, whatever their method. */
    /** Searches, not writes: the API's two and the candidate page's form, which posts a CV to search with. */
    private static final Set<String> PUBLIC_WRITES =
            Set.of("POST /api/search", "POST /api/search/file", "POST /{lang:[a-z][a-z]}");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    DataSource dataSource;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(
                "jobmatch.security.api-keys",
                properties.get("jobmatch.security.api-keys") + ", " + FEED_A_KEY + ":feed-a|feed-c");
        try {
            Path file = Files.createTempFile("jobmatch-keys", ".txt");
            Files.writeString(
                    file, "# feed B's importer\n\n" + sha256Hex(FILE_KEY).toUpperCase() + ":feed-b\n");
            properties.put("jobmatch.security.api-keys-file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL());
    }

    @Test
    void aWriteWithoutAKnownKeyIs401WithABearerChallenge() throws Exception {
        for (String key : new String[] {null, "not-a-key-of-this-service", FEED_A_KEY + "x", ""}) {
            for (HttpRequest request : new HttpRequest[] {
                write("POST", "/api/offers", offer("feed-a", "k401"), key),
                write("POST", "/api/offers/bulk", "[" + offer("feed-a", "k401") + "]", key),
                write("DELETE", "/api/offers/3f1c2a9e-6d1b-4c55-9a53-2b1f0e8c7d41", "", key)
            }) {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(401, response.statusCode(), request + " " + response.body());
                assertEquals(
                        "Bearer",
                        response.headers().firstValue("WWW-Authenticate").orElse(null));
                assertEquals(
                        "application/problem+json",
                        response.headers().firstValue("Content-Type").orElse(""));
                JsonNode problem = Api.JSON.readTree(response.body());
                assertEquals(401, problem.get("status").asInt());
                assertEquals(request.uri().getPath(), problem.get("instance").asText());
            }
        }
        assertEquals(
                0,
                new Sql(dataSource).count("select count(*) from offer where external_id = 'k401'"),
                "nothing was written");
    }

    @Test
    void aKeyWritesAndDeletesTheSourcesItHoldsOnly() {
        Api feedA = api.withKey(FEED_A_KEY);
        Api.Response created = feedA.post("/api/offers", offer("feed-a", "own-1"));
        assertEquals(201, created.status(), created.body());
        assertEquals(
                201,
                api.withKey(FILE_KEY)
                        .post("/api/offers", offer("feed-b", "b-1"))
                        .status());
        String ownId = created.json().get("id").asText();
        String feedBId = idOf("feed-b", "b-1");

        Api.Response foreign = feedA.post("/api/offers", offer("feed-b", "b-1"));
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals("application/problem+json", foreign.contentType());
        assertTrue(foreign.json().get("detail").asText().contains("feed-b"), foreign.body());
        Api.Response defaultSource = feedA.post("/api/offers", offer(null, "d-1"));
        assertEquals(403, defaultSource.status(), "no source is the 'default' source: " + defaultSource.body());
        assertEquals(403, feedA.delete("/api/offers/" + feedBId).status());
        assertEquals(1, offersIn("feed-b"), "feed B's offer is untouched");

        assertEquals(
                200,
                feedA.post("/api/offers", offer("feed-a", "own-1").replace("Ferry", "Night ferry"))
                        .status());
        assertEquals(204, feedA.delete("/api/offers/" + ownId).status());
        assertEquals(404, api.get("/api/offers/" + ownId).status());
        assertEquals(204, api.delete("/api/offers/" + feedBId).status(), "a * key deletes every source");
    }

    @Test
    void anIdOfAnotherSourcesOfferNeverMovesIt() {
        String theirs =
                api.post("/api/offers", offer("feed-z", "z-1")).json().get("id").asText();
        Api.Response mine = api.withKey(FEED_A_KEY)
                .post("/api/offers", offer("feed-a", "z-1").replace("{", "{\"id\": \"" + theirs + "\", "));

        assertEquals(201, mine.status(), "the upsert key is source + externalId: a new offer of feed-a");
        assertFalse(theirs.equals(mine.json().get("id").asText()));
        assertEquals(
                "feed-z", api.get("/api/offers/" + theirs).json().get("source").asText());
    }

    @Test
    void bulkRefusesForeignItemsOneByOneAndStoresTheOthers() {
        Api.Response response = api.withKey(FEED_A_KEY)
                .post(
                        "/api/offers/bulk",
                        "[" + offer("feed-a", "bulk-1") + "," + offer("feed-b", "bulk-2") + ","
                                + offer("feed-c", "bulk-3") + ", {\"title\": 3}]");

        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals(2, body.get("created").asInt(), response.body());
        assertEquals(1, body.get("forbidden").asInt());
        assertEquals(1, body.get("invalid").asInt());
        JsonNode refused = body.at("/results/1");
        assertEquals("FORBIDDEN", refused.get("status").asText());
        assertEquals("bulk-2", refused.get("externalId").asText());
        assertEquals("source", refused.at("/errors/0/field").asText());
        assertFalse(refused.has("id"));
        assertEquals("CREATED", body.at("/results/2/status").asText());
        assertEquals(0, new Sql(dataSource).count("select count(*) from offer where external_id = 'bulk-2'"));
    }

    @Test
    void readsAndSearchesNeedNoKey() {
        Api anonymous = api.withKey(null);
        String id =
                api.post("/api/offers", offer("feed-r", "r-1")).json().get("id").asText();

        assertEquals(200, anonymous.get("/api/offers/" + id).status());
        assertEquals(200, anonymous.get("/api/offers/" + id + "/similar").status());
        assertEquals(200, anonymous.get("/api/countries?language=en").status());
        assertEquals(
                200,
                anonymous.post("/api/search", Api.searchBody("ferry", "en")).status());
        assertEquals(200, anonymous.get("/openapi.yml").status());
        assertEquals(404, anonymous.get("/api/nothing-here").status(), "an unknown route is still a 404");
        assertEquals(
                200,
                api.withKey("a wrong key on a read is ignored")
                        .get("/api/offers/" + id)
                        .status());
    }

    /** A new write route must carry @KeyRequired or be listed here as a public search. */
    @Test
    void everyRouteThatIsNotAReadNeedsAKey() {
        Set<String> open = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            String name = route.getHttpMethodName() + " " + path(route);
            boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(route.getHttpMethodName());
            if (!read && !route.getTargetMethod().hasStereotype(KeyRequired.class) && !PUBLIC_WRITES.contains(name)) {
                open.add(name);
            }
        });
        assertEquals(Set.of(), open, "routes that write without a key");
    }

    private long offersIn(String source) {
        return new Sql(dataSource).count("select count(*) from offer where source = ?", source);
    }

    private String idOf(String source, String externalId) {
        return new Sql(dataSource)
                .rows("select id from offer where source = ? and external_id = ?", source, externalId)
                .get(0)
                .get(0);
    }

    private HttpRequest write(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    static String offer(String source, String externalId) {
        return "{" + (source == null ? "" : "\"source\": \"" + source + "\", ") + "\"externalId\": \"" + externalId
                + "\", \"title\": \"Ferry captain\", \"description\": \"Command a car ferry between the islands.\", "
                + "\"language\": \"en\"}";
    }

    private static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toString().replaceAll("\\{[?&#][^}]*}", "");
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
