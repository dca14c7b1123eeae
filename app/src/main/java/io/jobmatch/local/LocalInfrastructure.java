package io.jobmatch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the local-servers feature: starts what is not configured as external (PostgreSQL, Qdrant) before
 * the service's context exists, and hands the context the properties that point at them. Closing stops them in
 * reverse order. Each server has a watchdog process that stops it if this JVM dies without closing it.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Object> properties = new HashMap<>();

    private LocalInfrastructure() {}

    /**
     * Starts embedded PostgreSQL unless a JDBC URL is configured, and local Qdrant unless a host is. The data
     * directory is locked first; servers that a dead jobmatch left running on it are stopped before new ones start.
     */
    public static LocalInfrastructure start(LocalSettings settings, boolean needsDatabase) {
        LocalInfrastructure infrastructure = new LocalInfrastructure();
        try {
            infrastructure.started.add(DataDirLock.acquire(settings.dataDir()));
            if (needsDatabase && settings.jdbcUrl().isEmpty()) {
                Path directory = settings.dataDir().resolve("postgres");
                EmbeddedPostgresServer.clearLeftover(directory);
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory, settings.postgresPort());
                infrastructure.started.add(postgres);
                infrastructure.properties.putAll(postgres.properties());
            }
            if (settings.qdrantHost().isEmpty()) {
                Path directory = settings.dataDir().resolve("qdrant");
                LocalQdrantServer.clearLeftover(directory);
                LocalQdrantServer qdrant = LocalQdrantServer.start(
                        settings.qdrantBinary(), directory, settings.qdrantHttpPort(), settings.qdrantGrpcPort());
                infrastructure.started.add(qdrant);
                infrastructure.properties.putAll(qdrant.properties());
            }
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /** Properties to add to the service's context so it uses what was started here. */
    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}", started.get(i), e);
            }
        }
        started.clear();
    }
}
