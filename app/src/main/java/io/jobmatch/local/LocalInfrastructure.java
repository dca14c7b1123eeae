package io.jobmatch.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the local-servers feature: starts what is not configured as external (PostgreSQL, Qdrant) before
 * the service's context exists, and hands the context the properties that point at them. Closing stops them in
 * reverse order.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Object> properties = new HashMap<>();

    private LocalInfrastructure() {
    }

    /** Starts embedded PostgreSQL unless a JDBC URL is configured, and local Qdrant unless a host is. */
    public static LocalInfrastructure start(LocalSettings settings, boolean needsDatabase) {
        LocalInfrastructure infrastructure = new LocalInfrastructure();
        try {
            if (needsDatabase && settings.jdbcUrl().isEmpty()) {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                        settings.dataDir().resolve("postgres"), settings.postgresPort());
                infrastructure.started.add(postgres);
                infrastructure.properties.putAll(postgres.properties());
            }
            if (settings.qdrantHost().isEmpty()) {
                LocalQdrantServer qdrant = LocalQdrantServer.start(settings.qdrantBinary(),
                        settings.dataDir().resolve("qdrant"), settings.qdrantHttpPort(), settings.qdrantGrpcPort());
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
    public void close() {
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
