package io.jobmatch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
            // The two servers know nothing of each other: started side by side, startup waits for the slower only.
            CompletableFuture<EmbeddedPostgresServer> postgres =
                    needsDatabase && settings.jdbcUrl().isEmpty()
                            ? CompletableFuture.supplyAsync(() -> startPostgres(settings))
                            : CompletableFuture.completedFuture(null);
            CompletableFuture<LocalQdrantServer> qdrant = settings.qdrantHost().isEmpty()
                    ? CompletableFuture.supplyAsync(() -> startQdrant(settings))
                    : CompletableFuture.completedFuture(null);
            // Both kept before any failure is thrown, so the catch below stops whichever did start.
            RuntimeException postgresFailure = infrastructure.keep(postgres, EmbeddedPostgresServer::properties);
            RuntimeException qdrantFailure = infrastructure.keep(qdrant, LocalQdrantServer::properties);
            if (postgresFailure != null || qdrantFailure != null) {
                throw postgresFailure != null ? postgresFailure : qdrantFailure;
            }
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private static void startThread(Runnable start) {
        Thread.ofPlatform().name("jobmatch-local-start").start(start);
    }

    private static EmbeddedPostgresServer startPostgres(LocalSettings settings) {
        Path directory = settings.dataDir().resolve("postgres");
        EmbeddedPostgresServer.clearLeftover(directory);
        return EmbeddedPostgresServer.start(directory, settings.postgresPort());
    }

    private static LocalQdrantServer startQdrant(LocalSettings settings) {
        Path directory = settings.dataDir().resolve("qdrant");
        LocalQdrantServer.clearLeftover(directory);
        return LocalQdrantServer.start(
                settings.qdrantBinary(), directory, settings.qdrantHttpPort(), settings.qdrantGrpcPort());
    }

    /** Waits for one server and keeps it for {@link #close}; returns its start's failure instead of throwing it. */
    private <T extends AutoCloseable> RuntimeException keep(
            CompletableFuture<T> server, Function<T, Map<String, Object>> serverProperties) {
        try {
            T started = server.join();
            if (started != null) {
                this.started.add(started);
                properties.putAll(serverProperties.apply(started));
            }
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException cause ? cause : e;
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
