package io.jobmatch.index;

import static io.qdrant.client.PointIdFactory.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/index/reindex} over the sample offers: searches from several threads never fail and never come
 * back empty while the collection is rebuilt and the alias moves; offers created, updated and deleted during the
 * rebuild are as PostgreSQL holds them in the new generation; the old generation is gone; a second request meanwhile
 * gets a 409; only a key for every source may ask.
 */
@MicronautTest
class ReindexTest extends ServiceTest {

    private static final String FEED_KEY = "reindex-test-feed-key-0123";
    private static final String SOURCE = "reindex-test";
    private static final int SEARCHERS = 3;
    /** One query per sample language, each with open offers of its language to find. */
    private static final Map<String, String> QUERIES = Map.of(
            "en", "Backend Java Developer",
            "fr", "Électricien chantiers commerciaux",
            "de", "Java-Backend-Entwickler",
            "es", "Electricista de obra",
            "it", "Sviluppatore backend Java",
            "nl", "Elektromonteur");

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    @Inject
    OfferIndexer indexer;

    @Inject
    Reindexer reindexer;

    @Inject
    QdrantClient qdrant;

    @Inject
    QdrantSettings qdrantSettings;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(
                "jobmatch.security.api-keys",
                properties.get("jobmatch.security.api-keys") + ", " + FEED_KEY + ":" + SOURCE);
        // Nine pages over the 72 samples with a pause after each: the rebuild lasts at least 13 s however fast the
        // machine, long enough for the writes and the second request below to land while it runs, and the alias
        // serves the old generation across many upserts into the new one.
        properties.put("jobmatch.index.reindex.page-size", "8");
        properties.put("jobmatch.index.reindex.page-pause", "1500ms");
        // Passages play no part here: without them the model has a third of the work.
        properties.put("jobmatch.index.passages.enabled", "false");
        return properties;
    }

    @BeforeAll
    void loadSamples() throws InterruptedException {
        api = new Api(server.getURL());
        samples.load();
        awaitUntil(indexer::caughtUp, "the samples indexed");
    }

    @Test
    void onlyAKeyForEverySourceMayReindex() {
        Api.Response anonymous = api.withKey(null).post("/api/index/reindex", "");
        Api.Response feedKey = api.withKey(FEED_KEY).post("/api/index/reindex", "");

        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals(403, feedKey.status(), feedKey.body());
        assertEquals("application/problem+json", feedKey.contentType());
        assertTrue(reindexer.running().isEmpty(), "neither started a rebuild");
    }

    @Test
    void searchesKeepAnsweringWhileTheCollectionIsRebuiltAndWritesReachTheNewGeneration() throws Exception {
        UUID updated = create("to-update", "Warehouse forklift operator", "OPEN");
        UUID deleted = create("to-delete", "Night shift baker", "OPEN");
        awaitUntil(indexer::caughtUp, "the offers indexed");
        String before = alias().orElseThrow();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger searches = new AtomicInteger();
        AtomicBoolean searching = new AtomicBoolean(true);
        ExecutorService searchers = Executors.newFixedThreadPool(SEARCHERS);
        List<Future<?>> running = new ArrayList<>();
        List<String> languages = List.copyOf(QUERIES.keySet());
        for (int s = 0; s < SEARCHERS; s++) {
            int first = s;
            running.add(searchers.submit(() -> {
                for (int n = first; searching.get(); n++) {
                    String language = languages.get(n % languages.size());
                    Api.Response answer = api.post("/api/search", Api.searchBody(QUERIES.get(language), language));
                    if (answer.status() != 200) {
                        failures.add(language + ": " + answer.status() + " " + answer.body());
                    } else if (answer.json().get("results").isEmpty()) {
                        failures.add(language + ": no results");
                    }
                    searches.incrementAndGet();
                }
            }));
        }
        try {
            awaitUntil(() -> searches.get() >= SEARCHERS, "searches under way");

            Api.Response started = api.post("/api/index/reindex", "");
            assertEquals(202, started.status(), started.body());
            String next = started.json().get("collection").asText();
            assertEquals(before, started.json().get("replacing").asText());
            assertEquals("building", started.json().get("status").asText());

            Api.Response second = api.post("/api/index/reindex", "");
            UUID createdDuring = create("created-during", "Harbour crane operator", "OPEN");
            create("to-update", "Warehouse forklift operator, night shift", "CLOSED");
            assertEquals(204, api.delete("/api/offers/" + deleted).status());
            assertTrue(
                    reindexer.running().isPresent(),
                    "the writes and the second request must land while the rebuild runs, or this proves nothing");
            assertEquals(409, second.status(), second.body());
            assertEquals("application/problem+json", second.contentType());
            assertTrue(
                    Pattern.compile("(?m)^jobmatch_index_reindex_running(\\{[^}]*})? 1\\.0$")
                            .matcher(api.get("/prometheus").body())
                            .find(),
                    "the rebuild shows in the metrics");

            awaitUntil(() -> reindexer.running().isEmpty(), "the rebuild done");
            int atSwap = searches.get();
            awaitUntil(() -> searches.get() >= atSwap + SEARCHERS, "searches after the swap");
            searching.set(false);
            for (Future<?> searcher : running) {
                searcher.get(1, TimeUnit.MINUTES);
            }

            assertEquals(List.of(), failures, "every search during the rebuild answered with results");
            assertEquals(next, alias().orElseThrow(), "the alias serves the new generation");
            List<String> collections = qdrant.listCollectionsAsync().get();
            assertFalse(collections.contains(before), "the old generation is deleted: " + collections);
            long offers = api.get("/api/offers?limit=100").json().get("offers").size();
            assertEquals(72 + 2, offers, "the samples, the one created during the rebuild and the updated one");
            assertEquals(offers, qdrant.countAsync(next).get(), "every offer in the new generation, and only those");

            Map<UUID, RetrievedPoint> points = new HashMap<>();
            qdrant.retrieveAsync(next, List.of(id(createdDuring), id(updated), id(deleted)), true, false, null)
                    .get()
                    .forEach(point -> points.put(UUID.fromString(point.getId().getUuid()), point));
            assertTrue(points.containsKey(createdDuring), "the offer created during the rebuild is indexed");
            assertEquals(
                    "CLOSED",
                    points.get(updated).getPayloadMap().get("status").getStringValue(),
                    "the update made during the rebuild is indexed");
            assertFalse(points.containsKey(deleted), "the offer deleted during the rebuild is not");
        } finally {
            searching.set(false);
            searchers.shutdownNow();
        }
    }

    private UUID create(String externalId, String title, String status) {
        ObjectNode offer = Api.JSON.createObjectNode();
        offer.put("source", SOURCE);
        offer.put("externalId", externalId);
        offer.put("title", title);
        offer.put("description", title + ". Full-time position in Rotterdam; experience welcome, training provided.");
        offer.put("language", "en");
        offer.put("country", "NL");
        offer.put("status", status);
        Api.Response saved = api.post("/api/offers", offer);
        assertTrue(saved.status() == 201 || saved.status() == 200, saved.body());
        return UUID.fromString(saved.json().get("id").asText());
    }

    private java.util.Optional<String> alias() throws Exception {
        String alias = qdrantSettings.collectionPrefix() + "_live";
        return qdrant.listAliasesAsync().get().stream()
                .filter(description -> description.getAliasName().equals(alias))
                .map(AliasDescription::getCollectionName)
                .findFirst();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 5 minutes: " + what);
            Thread.sleep(100);
        }
    }
}
