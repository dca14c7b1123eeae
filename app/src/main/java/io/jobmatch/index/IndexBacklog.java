package io.jobmatch.index;

import io.jobmatch.offers.Offer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL adapter for the index's to-do list: the {@code index_pending} flag of each offer row. Writing a new
 * version of an offer sets the flag (the offers feature does, in the same statement); the index clears it once that
 * version is in Qdrant, so whatever could not be indexed survives a Qdrant outage or a restart.
 */
@Singleton
class IndexBacklog {

    private final JdbcOperations jdbc;

    IndexBacklog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the offers whose current version is not yet in the index, oldest change first. */
    @ReadOnly
    public List<UUID> pending(int limit) {
        return jdbc.prepareStatement(
                "select id from offer where index_pending order by updated_at limit ?", statement -> {
                    statement.setInt(1, limit);
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject("id", UUID.class));
                        }
                    }
                    return ids;
                });
    }

    /**
     * Clears the pending flag of offers whose indexed version is still the stored one: a row changed again since
     * it was read keeps its flag, so the newer text gets indexed too.
     */
    @Transactional
    public void markIndexed(List<Offer> indexed) {
        jdbc.prepareStatement("update offer set index_pending = false where id = ? and updated_at = ?", statement -> {
            for (Offer offer : indexed) {
                statement.setObject(1, offer.id());
                statement.setTimestamp(2, Timestamp.from(offer.updatedAt()));
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    /** Flags every offer for indexing, for a new or emptied collection. Returns how many were flagged. */
    @Transactional
    public int markAllPending() {
        return jdbc.prepareStatement("update offer set index_pending = true", PreparedStatement::executeUpdate);
    }

    /** How many offers wait to be indexed. */
    @ReadOnly
    public long pendingCount() {
        return jdbc.prepareStatement("select count(*) from offer where index_pending", IndexBacklog::single);
    }

    /** Seconds since the oldest offer waiting to be indexed was written; 0 when none waits. */
    @ReadOnly
    public double oldestPendingAgeSeconds() {
        return jdbc.prepareStatement(
                "select coalesce(extract(epoch from now() - min(updated_at)), 0) from offer where index_pending",
                statement -> {
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getDouble(1);
                    }
                });
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many offers PostgreSQL holds: a collection with fewer points is missing some. */
    @ReadOnly
    public long offerCount() {
        return jdbc.prepareStatement("select count(*) from offer", IndexBacklog::single);
    }
}
