package io.jobmatch.support;

import io.jobmatch.local.EmbeddedPostgresServer;
import io.jobmatch.local.LocalQdrantServer;
import io.jobmatch.local.QdrantBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * The real servers every test talks to, started once per test JVM: PostgreSQL 17 (zonky, the service's own embedded
 * server) and the Qdrant pinned in qdrant.properties (Testcontainers' Qdrant module when a Docker engine is
 * available, otherwise the same local binary the service runs). Each test class gets its own database and its own
 * collection, so classes do not see each other's offers.
 */
public final class TestServers {

    public static final String QDRANT_IMAGE = "qdrant/qdrant:v" + QdrantBinary.VERSION;

    /** The API key of every test service, for every source ({@code *}); {@link Api} sends it on writes by default. */
    public static final String API_KEY = "test-key-for-every-source";

    private static final AtomicInteger CLASSES = new AtomicInteger();
    private static EmbeddedPostgresServer postgres;
    private static String qdrantHost;
    private static int qdrantPort;

    private TestServers() {}

    /** Properties pointing a service context at a fresh database and a fresh collection name. */
    public static synchronized Map<String, String> isolatedProperties(String testName) {
        startOnce();
        String name = (testName.replaceAll("[^A-Za-z0-9]", "_") + "_" + CLASSES.incrementAndGet()).toLowerCase();
        createDatabase(name);
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", postgres.jdbcUrl().replace("/postgres?", "/" + name + "?"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("jobmatch.qdrant.host", qdrantHost);
        properties.put("jobmatch.qdrant.port", Integer.toString(qdrantPort));
        properties.put("jobmatch.qdrant.collection-prefix", name);
        // A free port: application.yml's 8080 may be taken by a service running on the same machine.
        properties.put("micronaut.server.port", "-1");
        properties.putAll(modelProperties());
        properties.putAll(apiKeyProperties());
        return properties;
    }

    /** The test key, as the service's configuration ({@code JOBMATCH_API_KEYS} for a service in its own process). */
    public static Map<String, String> apiKeyProperties() {
        return Map.of("jobmatch.security.api-keys", API_KEY + ":*");
    }

    /** Tests run in app/; the model manifests and any downloaded model files are in the repository's models/. */
    public static Map<String, String> modelProperties() {
        return Map.of("jobmatch.model.dir", repositoryRoot().resolve("models").toString());
    }

    /** The Qdrant binary installed by tools/fetch-qdrant.sh (./jobmatch test runs it first). */
    public static Path qdrantBinary() {
        return repositoryRoot().resolve(QdrantBinary.DEFAULT_LOCATION);
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Tests must run inside the jobmatch repository");
        }
        return dir;
    }

    private static void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            Path scratch = Files.createTempDirectory("jobmatch-test-servers");
            postgres = EmbeddedPostgresServer.start(scratch.resolve("postgres"), 0);
            if (DockerClientFactory.instance().isDockerAvailable()) {
                QdrantContainer container = new QdrantContainer(QDRANT_IMAGE);
                container.start();
                qdrantHost = container.getHost();
                qdrantPort = container.getMappedPort(6334);
            } else {
                LocalQdrantServer qdrant = LocalQdrantServer.start(qdrantBinary(), scratch.resolve("qdrant"), 0, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(qdrant::close));
                qdrantHost = "127.0.0.1";
                qdrantPort = qdrant.grpcPort();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
    }
}
