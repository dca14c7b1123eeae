package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.keywords.Keywords;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the service finds in Qdrant at startup: a collection made before aliases (named {@code <prefix>_<model>_v4})
 * is adopted behind the alias as it is, without embedding anything again; one of an older layout is served while its
 * replacement is built, then deleted; collections of this prefix that nothing serves are deleted, and other
 * prefixes' are left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionGenerationsTest {

    private static final int OFFERS = 5;

    private QdrantClient qdrant;

    @BeforeAll
    void connect() {
        Map<String, String> servers = TestServers.isolatedProperties("CollectionGenerationsClient");
        qdrant = new QdrantClient(QdrantGrpcClient.newBuilder(
                        servers.get("jobmatch.qdrant.host"),
                        Integer.parseInt(servers.get("jobmatch.qdrant.port")),
                        false)
                .build());
    }

    @AfterAll
    void disconnect() {
        qdrant.close();
    }

    @Test
    void aCollectionFromBeforeAliasesIsAdoptedAsItIsAndOrphansAreDeleted() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("LegacyAdoption"));
        String prefix = (String) properties.get("jobmatch.qdrant.collection-prefix");
        List<UUID> ids = ids();
        CollectionNames names = legacyCollection(properties, ids, CollectionNames::family);
        storeIndexedOffers(properties, ids);
        String otherModel = prefix + "_multilingual-e5-small_v4";
        String abandoned = names.generation(7);
        String otherPrefix = prefix + "x_" + names.model() + "_v4";
        for (String name : List.of(otherModel, abandoned, otherPrefix)) {
            createTinyCollection(name);
        }

        try (ApplicationContext service = ApplicationContext.run(properties)) {
            OfferIndexer indexer = service.getBean(OfferIndexer.class);
            awaitUntil(indexer::caughtUp, "the service caught up");

            assertEquals(Optional.of(names.family()), alias(names), "the legacy collection serves behind the alias");
            assertEquals(0, pendingCount(properties), "nothing was flagged for indexing again");
            assertEquals(OFFERS, qdrant.countAsync(names.alias()).get(), "its points are the ones it had");
            assertTrue(service.getBean(Reindexer.class).running().isEmpty(), "no rebuild for the same model");
            List<String> collections = qdrant.listCollectionsAsync().get();
            assertFalse(collections.contains(otherModel), "another model's collection is deleted");
            assertFalse(collections.contains(abandoned), "an abandoned generation is deleted");
            assertTrue(collections.contains(otherPrefix), "another prefix's collection is left alone");
        } finally {
            qdrant.deleteCollectionAsync(otherPrefix).get();
        }
    }

    @Test
    void anOlderLayoutServesUntilItsReplacementIsBuiltThenGoes() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("LayoutChange"));
        List<UUID> ids = ids();
        CollectionNames names = legacyCollection(properties, ids, CollectionGenerationsTest::olderLayout);
        storeIndexedOffers(properties, ids);
        String older = olderLayout(names);

        try (ApplicationContext service = ApplicationContext.run(properties)) {
            Reindexer reindexer = service.getBean(Reindexer.class);
            awaitUntil(() -> reindexer.running().isEmpty(), "the rebuild done");

            assertEquals(Optional.of(names.generation(1)), alias(names), "the new layout serves behind the alias");
            assertEquals(OFFERS, qdrant.countAsync(names.alias()).get(), "every offer rebuilt from PostgreSQL");
            assertFalse(qdrant.listCollectionsAsync().get().contains(older), "the older layout is deleted");
            assertTrue(service.getBean(OfferIndex.class).servesOwnModel());
        }
    }

    @Test
    void whileAnotherReplicaRebuildsNothingIsDeletedAndNoSecondRebuildStarts() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("OtherReplica"));
        String prefix = (String) properties.get("jobmatch.qdrant.collection-prefix");
        List<UUID> ids = ids();
        CollectionNames names = legacyCollection(properties, ids, CollectionNames::family);
        storeIndexedOffers(properties, ids);
        String underConstruction = names.generation(4);
        createTinyCollection(underConstruction);

        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl(properties), "postgres", "");
                PreparedStatement rebuilding = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
            rebuilding.setLong(1, RebuildLock.key(prefix));
            rebuilding.execute();
            try (ApplicationContext service = ApplicationContext.run(properties)) {
                assertEquals(Optional.of(names.family()), alias(names));
                assertTrue(
                        qdrant.listCollectionsAsync().get().contains(underConstruction),
                        "the other replica's generation is left alone");
                Reindexer reindexer = service.getBean(Reindexer.class);
                assertThrows(ReindexRunningException.class, () -> reindexer.start("test"));
                assertTrue(reindexer.running().isEmpty());
            }
        } finally {
            qdrant.deleteCollectionAsync(underConstruction).get();
        }
    }

    /** Offers stored in PostgreSQL as already indexed: only what the service finds in Qdrant decides what it does. */
    private static void storeIndexedOffers(Map<String, Object> properties, List<UUID> ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(properties), "postgres", "");
                PreparedStatement insert = connection.prepareStatement("""
                        insert into offer (id, source, external_id, title, description, language, status,
                                           index_pending)
                        values (?, 'generations-test', ?, ?, ?, 'en', 'OPEN', false)""")) {
            for (int n = 0; n < OFFERS; n++) {
                insert.setObject(1, ids.get(n));
                insert.setString(2, "offer-" + n);
                insert.setString(3, title(n));
                insert.setString(4, title(n) + ": a full-time role, training provided.");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<UUID> ids() {
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < OFFERS; n++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    @Test
    void anotherModelsCollectionAnswersOnlyKeywordSearchesUntilThisModelsGenerationIsBuilt() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("ModelChange"));
        // One offer per page, two seconds apart: the rebuild lasts at least ten seconds, long enough to search.
        properties.put("jobmatch.index.reindex.page-size", "1");
        properties.put("jobmatch.index.reindex.page-pause", "2s");
        List<UUID> ids = ids();
        // Named as another model's collection: to the service, its dense vectors are from another vector space.
        CollectionNames names = legacyCollection(properties, ids, CollectionGenerationsTest::otherModel);
        storeIndexedOffers(properties, ids);

        try (ApplicationContext service = ApplicationContext.run(properties)) {
            Reindexer reindexer = service.getBean(Reindexer.class);
            OfferIndex index = service.getBean(OfferIndex.class);
            IndexFilter english = IndexFilter.open("en", OfferCriteria.ANY);
            float[] nurse =
                    service.getBean(EmbeddingEngine.class).embedQuery("Nurse").vector();
            KeywordVector nurseWords =
                    service.getBean(Keywords.class).query("Nurse", "en").vector();

            assertTrue(reindexer.running().isPresent(), "this model's generation is being built");
            assertFalse(index.servesOwnModel(), "so readiness stays DOWN");
            assertThrows(
                    IndexUnavailableException.class,
                    () -> index.search(IndexQuery.dense(nurse, english, 5, 0)),
                    "this model's query vectors are not searched against another model's");
            assertEquals(
                    ids.get(3),
                    index.search(new IndexQuery(null, nurseWords, english, 5, 0, true))
                            .getFirst()
                            .offerId(),
                    "keyword searches answer from the old collection meanwhile");

            awaitUntil(() -> reindexer.running().isEmpty(), "the rebuild done");
            assertTrue(index.servesOwnModel());
            assertEquals(Optional.of(names.generation(1)), alias(names));
            assertFalse(qdrant.listCollectionsAsync().get().contains(otherModel(names)), "the old model's is gone");
            assertEquals(
                    ids.get(3),
                    index.search(IndexQuery.dense(nurse, english, 1, 0))
                            .getFirst()
                            .offerId());
        }
    }

    private static String olderLayout(CollectionNames names) {
        return names.prefix() + "_" + names.model() + "_v3";
    }

    private static String otherModel(CollectionNames names) {
        return names.prefix() + "_other-model_v4";
    }

    /**
     * A collection as the service made it before aliases, named by {@code name}, holding the offers' points, built by
     * a command's context, which addresses collections by name. Its data source creates the schema (Flyway) for the
     * service that starts next.
     */
    private static CollectionNames legacyCollection(
            Map<String, Object> properties, List<UUID> ids, Function<CollectionNames, String> collection) {
        try (ApplicationContext command = ApplicationContext.builder()
                .environments(Environment.CLI)
                .properties(properties)
                .start()) {
            command.getBean(DataSource.class);
            OfferIndex index = command.getBean(OfferIndex.class);
            CollectionNames names = command.getBean(IndexRouting.class).names();
            String name = collection.apply(names);
            index.create(name);
            List<Offer> offers = new ArrayList<>();
            for (int n = 0; n < ids.size(); n++) {
                offers.add(Offer.textOnly(
                        ids.get(n), "generations-test", "offer-" + n, title(n), title(n), "en", Instant.now()));
            }
            index.upsert(name, command.getBean(OfferVectors.class).compute(offers));
            return names;
        }
    }

    private void createTinyCollection(String name) throws Exception {
        qdrant.createCollectionAsync(
                        name,
                        VectorParams.newBuilder()
                                .setSize(4)
                                .setDistance(Distance.Cosine)
                                .build())
                .get();
    }

    private Optional<String> alias(CollectionNames names) throws Exception {
        return qdrant.listAliasesAsync().get().stream()
                .filter(description -> description.getAliasName().equals(names.alias()))
                .map(AliasDescription::getCollectionName)
                .findFirst();
    }

    private static String title(int n) {
        return List.of("Plumber", "Bus driver", "Java developer", "Nurse", "Accountant")
                .get(n);
    }

    private static String jdbcUrl(Map<String, Object> properties) {
        return (String) properties.get("datasources.default.url");
    }

    private static long pendingCount(Map<String, Object> properties) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(properties), "postgres", "");
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from offer where index_pending");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 3 minutes: " + what);
            Thread.sleep(100);
        }
    }
}
