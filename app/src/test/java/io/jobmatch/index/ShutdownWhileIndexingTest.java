package io.jobmatch.index;

import static io.qdrant.client.PointIdFactory.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Regression test for the CI crash (SIGSEGV in ONNX Runtime): the application context is closed again and again
 * while its index workers are inside the model, at varied moments. Before the fix the context freed the ONNX
 * Runtime session under a running inference and the JVM died; now the workers stop first, the engine waits for
 * the call in flight, and every offer not yet indexed keeps its task and is indexed after the last restart.
 */
class ShutdownWhileIndexingTest {

    private static final int ROUNDS = 20;
    /**
     * Three times the samples (about 2,400 model windows with passages) in batches of two offers: more work than the
     * 20 rounds leave time for, each round finishing at most the batches in flight when it closes.
     */
    private static final int COPIES = 3;

    @Test
    void closingTheContextDuringIndexingNeverCrashesAndLosesNothing() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("ShutdownWhileIndexing"));
        // Small batches and quick polls: each round closes the workers in the middle of their work.
        properties.put("jobmatch.index.batch-size", "2");
        properties.put("jobmatch.index.poll-interval", "100ms");
        String jdbcUrl = (String) properties.get("datasources.default.url");
        String prefix = (String) properties.get("jobmatch.qdrant.collection-prefix");
        Random random = new Random(20261202L);
        int offers;
        long pendingAfterLastRound = -1;

        try (QdrantClient qdrant = new QdrantClient(QdrantGrpcClient.newBuilder(
                        (String) properties.get("jobmatch.qdrant.host"),
                        Integer.parseInt((String) properties.get("jobmatch.qdrant.port")),
                        false)
                .build())) {
            for (int round = 0; round < ROUNDS; round++) {
                ApplicationContext context = ApplicationContext.run(properties);
                if (round == 0) {
                    // Straight into PostgreSQL with their tasks, so only the index workers pick them up.
                    offers = insertPendingSamples(jdbcUrl);
                    assertTrue(offers > 100, "enough offers to keep the model busy");
                }
                // A different moment of the pass each round: loading the page, inside the model, upserting.
                Thread.sleep(200 + random.nextInt(1_300));
                context.close();

                assertIndexedOnesAreInQdrant(jdbcUrl, qdrant, collection(qdrant, prefix));
                pendingAfterLastRound = pendingCount(jdbcUrl);
            }
            assertTrue(
                    pendingAfterLastRound > 0,
                    "every round must have closed the context with indexing work left, or the test proves nothing");

            // The last start works the rest off in the default batches, as a service would.
            properties.remove("jobmatch.index.batch-size");
            try (ApplicationContext restarted = ApplicationContext.run(properties)) {
                awaitNothingPending(jdbcUrl);
                String collection = collection(qdrant, prefix);
                assertEquals(
                        offerCount(jdbcUrl),
                        qdrant.countAsync(collection).get(),
                        "every offer is in Qdrant after the restart");
                assertIndexedOnesAreInQdrant(jdbcUrl, qdrant, collection);
            }
        }
    }

    /**
     * Inserts the sample offers {@link #COPIES} times with new external ids, each with its index task; returns how many
     * offers were inserted.
     */
    private static int insertPendingSamples(String jdbcUrl) throws SQLException {
        JsonNode samples;
        try {
            samples = Api.JSON.readTree(Resources.text("samples/offers.json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        int inserted = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement insert = connection.prepareStatement("""
                     with offer as (
                         insert into offer (id, source, external_id, title, description, language, country, status)
                         values (?, 'shutdown-test', ?, ?, ?, ?, ?, ?) returning id)
                     insert into index_task (offer_id, action) select id, 'UPSERT' from offer""")) {
            for (int copy = 0; copy < COPIES; copy++) {
                for (JsonNode sample : samples) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, sample.get("externalId").asText() + "-" + copy);
                    insert.setString(3, sample.get("title").asText());
                    // The copy number changes the text, so no embedding is ever served from a cache.
                    insert.setString(4, sample.get("description").asText() + (copy == 0 ? "" : " (" + copy + ")"));
                    insert.setString(5, sample.get("language").asText());
                    insert.setString(6, sample.path("country").asText(null));
                    insert.setString(7, sample.path("status").asText("OPEN"));
                    insert.addBatch();
                    inserted++;
                }
            }
            insert.executeBatch();
        }
        return inserted;
    }

    /** An offer without a task must have its point in Qdrant; the others may or may not yet. */
    private static void assertIndexedOnesAreInQdrant(String jdbcUrl, QdrantClient qdrant, String collection)
            throws SQLException, ExecutionException, InterruptedException {
        List<UUID> indexed = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement select = connection.prepareStatement(
                        "select id from offer where not exists (select 1 from index_task where offer_id = offer.id)");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                indexed.add(rows.getObject(1, UUID.class));
            }
        }
        if (indexed.isEmpty()) {
            return;
        }
        int found = qdrant.retrieveAsync(
                        collection, indexed.stream().map(uuid -> id(uuid)).toList(), false, false, null)
                .get()
                .size();
        assertEquals(indexed.size(), found, "offers without a task but missing from Qdrant");
    }

    private static String collection(QdrantClient qdrant, String prefix)
            throws ExecutionException, InterruptedException {
        List<String> names = qdrant.listCollectionsAsync().get().stream()
                .filter(n -> n.startsWith(prefix + "_"))
                .toList();
        assertEquals(1, names.size(), "one collection for this test: " + names);
        return names.getFirst();
    }

    private static void awaitNothingPending(String jdbcUrl) throws SQLException, InterruptedException {
        // About 200 offers with their passages: under a minute on an idle two-core machine, minutes on a busy one.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (pendingCount(jdbcUrl) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "offers still pending 6 minutes after the restart");
            Thread.sleep(250);
        }
    }

    private static long pendingCount(String jdbcUrl) throws SQLException {
        return count(jdbcUrl, "select count(*) from index_task");
    }

    private static long offerCount(String jdbcUrl) throws SQLException {
        return count(jdbcUrl, "select count(*) from offer");
    }

    private static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
