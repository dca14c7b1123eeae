package io.jobmatch.index;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL adapter for "one rebuild at a time" across every replica on one database: a session advisory lock per
 * collection prefix, held on a connection of its own for as long as a rebuild runs. PostgreSQL releases it when that
 * session ends, so a replica that dies mid-rebuild never blocks the next one. The startup's deletion of unserved
 * collections takes it too, so it never deletes another replica's generation under construction.
 */
@Singleton
class RebuildLock {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildLock.class);

    private final DataSource dataSource;
    private final long key;

    /**
     * The pool itself, not Micronaut's contextual data source, whose connections belong to one transaction or
     * {@code @Connectable} method: this one outlives the method that takes it.
     */
    RebuildLock(DataSource dataSource, DataSourceResolver resolver, QdrantSettings settings) {
        this.dataSource = resolver.resolve(dataSource);
        this.key = key(settings.collectionPrefix());
    }

    /** The advisory lock's key for a prefix (tests take it as another replica would). */
    static long key(String prefix) {
        return ("jobmatch-reindex:" + prefix).hashCode();
    }

    /**
     * The lock, held until the returned handle is closed; empty when another session holds it.
     *
     * @throws IndexUnavailableException when PostgreSQL cannot be asked
     */
    Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IndexUnavailableException("Could not take the rebuild lock in PostgreSQL", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the rebuild lock's connection failed", e);
            }
        }
    }

    /** The lock held on its connection: closing it unlocks and gives the connection back to the pool. */
    final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            // A pooled connection outlives this use: the session, and a lock left in it, would stay.
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                LOG.warn("Releasing the rebuild lock failed; it goes when its connection's session ends", e);
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
