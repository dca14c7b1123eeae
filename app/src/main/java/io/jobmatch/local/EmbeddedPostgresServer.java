package io.jobmatch.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL 17 server run from the zonky binaries, its data kept under the data directory across restarts. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Stops a PostgreSQL that a dead jobmatch left running on this directory; call only under the data-dir lock. */
    static void clearLeftover(Path dataDirectory) {
        LeftoverServer.clear(
                dataDirectory.resolve("postmaster.pid"),
                LeftoverServer.runsOn("postgres", dataDirectory),
                "PostgreSQL");
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "50")
                    // zonky turns synchronous_commit off (fast tests): a commit then answers before its WAL is
                    // written, and a PostgreSQL killed at once loses writes the service already acknowledged
                    // (PowerCutTest). An acknowledged write must survive, so commits wait for their WAL flush.
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            // Fast shutdown (SIGINT) if this JVM dies: no client is left to wait for.
            ServerWatchdog.watch(postmasterPid(dataDirectory), "INT", "PostgreSQL");
            LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** The postmaster writes its pid on the first line of postmaster.pid; pg_ctl started it, not this JVM. */
    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .getFirst()
                .strip());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The datasource properties that point the service at this server. */
    public Map<String, Object> properties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
