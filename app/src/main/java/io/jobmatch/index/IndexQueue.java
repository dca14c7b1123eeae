package io.jobmatch.index;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OffersChanged;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL adapter for the indexing queue (table {@code index_task}, migration V4): one task per offer whose entry in
 * the collection must change. Tasks are written in the transaction of the offers' write; workers claim due ones with
 * {@code FOR UPDATE SKIP LOCKED} and a lease ({@code lease_owner}, {@code leased_until}) rather than holding the rows
 * locked in a transaction while they work: a write of the same offer then never waits for a model call, no
 * connection is held while the model runs, and the tasks of a replica that died are claimed again once its lease
 * runs out.
 */
@Singleton
class IndexQueue {

    /** A newer write replaces the action and the version and starts the attempts afresh; the oldest change stays. */
    private static final String ENQUEUE = """
            insert into index_task (offer_id, action)
            select id, ? from unnest(?::uuid[]) as id order by id
            on conflict (offer_id) do update set
                action = excluded.action, version = excluded.version, state = 'PENDING', attempts = 0,
                next_attempt_at = now(), last_error = null
            """;

    private static final String CLAIM = """
            update index_task task
            set lease_owner = ?, leased_until = clock_timestamp() + ? * interval '1 millisecond'
            from (select offer_id from index_task
                  where state = 'PENDING' and next_attempt_at <= clock_timestamp()
                    and (leased_until is null or leased_until < clock_timestamp())
                  order by next_attempt_at, version
                  limit ?
                  for update skip locked) due
            where task.offer_id = due.offer_id
            returning task.offer_id, task.action, task.version
            """;

    /** Done only if still the version indexed: a write made meanwhile keeps its task. */
    private static final String ACK = """
            delete from index_task task using unnest(?::uuid[], ?::bigint[]) as done(offer_id, version)
            where task.offer_id = done.offer_id and task.version = done.version and task.lease_owner = ?
            """;

    private static final String FAIL = """
            update index_task task set
                attempts = task.attempts + 1,
                state = case when task.attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                next_attempt_at = clock_timestamp()
                    + least(?::float8 * power(2, task.attempts), ?::float8) * interval '1 millisecond',
                last_error = ?, lease_owner = null, leased_until = null
            from unnest(?::uuid[], ?::bigint[]) as failed(offer_id, version)
            where task.offer_id = failed.offer_id and task.version = failed.version and task.lease_owner = ?
            """;

    private static final String RELEASE =
            "update index_task set lease_owner = null, leased_until = null where offer_id = any(?) and lease_owner = ?";

    private static final String STATUS = """
            select (select count(*) from offer) as offers,
                   (select count(*) from offer where not exists
                        (select 1 from index_task where index_task.offer_id = offer.id)) as indexed,
                   count(*) filter (where state = 'PENDING') as pending,
                   count(*) filter (where state = 'FAILED') as failed,
                   coalesce(extract(epoch from clock_timestamp() - min(enqueued_at) filter (where state = 'PENDING')),
                            0) as oldest
            from index_task
            """;

    static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcOperations jdbc;

    IndexQueue(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the index work of a write, inside the write's own transaction (mandatory): the offers and their tasks
     * commit together, or neither does.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onOffersChanged(OffersChanged change) {
        enqueue(IndexTask.Action.UPSERT, change.saved().stream().map(Offer::id).toList());
        enqueue(IndexTask.Action.DELETE, change.deleted());
    }

    private void enqueue(IndexTask.Action action, List<UUID> offerIds) {
        if (offerIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(ENQUEUE, statement -> {
            statement.setString(1, action.name());
            statement.setArray(2, uuids(statement, offerIds));
            return statement.executeUpdate();
        });
    }

    /** Queues an upsert of every stored offer that has no task yet, for a new or incomplete collection. */
    @Transactional
    public int enqueueAll() {
        return jdbc.prepareStatement(
                "insert into index_task (offer_id, action) select id, 'UPSERT' from offer order by updated_at "
                        + "on conflict (offer_id) do nothing",
                PreparedStatement::executeUpdate);
    }

    /** Leases up to {@code limit} due tasks to {@code owner}, oldest first; tasks leased by anyone else are skipped. */
    @Transactional
    public List<IndexTask> claim(UUID owner, int limit, Duration lease) {
        return jdbc.prepareStatement(CLAIM, statement -> {
            statement.setObject(1, owner);
            statement.setLong(2, lease.toMillis());
            statement.setInt(3, limit);
            List<IndexTask> tasks = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new IndexTask(
                            rows.getObject("offer_id", UUID.class),
                            IndexTask.Action.valueOf(rows.getString("action")),
                            rows.getLong("version")));
                }
            }
            tasks.sort(Comparator.comparingLong(IndexTask::version));
            return tasks;
        });
    }

    /**
     * Removes the tasks whose version Qdrant now holds; a task written again meanwhile stays, given back for its
     * newer version.
     */
    @Transactional
    public void ack(UUID owner, List<IndexTask> tasks) {
        jdbc.prepareStatement(ACK, statement -> {
            statement.setArray(1, uuids(statement, ids(tasks)));
            statement.setArray(2, versions(statement, tasks));
            statement.setObject(3, owner);
            return statement.executeUpdate();
        });
        release(owner, tasks);
    }

    /**
     * Counts a failed attempt of each task still at its version: it is retried after an exponential backoff, or
     * becomes {@code FAILED} with {@code error} after {@code maxAttempts}; a task written again meanwhile is given
     * back with its attempts untouched.
     */
    @Transactional
    public void fail(
            UUID owner, List<IndexTask> tasks, String error, int maxAttempts, Duration backoffBase, Duration cap) {
        jdbc.prepareStatement(FAIL, statement -> {
            statement.setInt(1, maxAttempts);
            statement.setDouble(2, backoffBase.toMillis());
            statement.setDouble(3, cap.toMillis());
            statement.setString(4, truncated(error));
            statement.setArray(5, uuids(statement, ids(tasks)));
            statement.setArray(6, versions(statement, tasks));
            statement.setObject(7, owner);
            return statement.executeUpdate();
        });
        release(owner, tasks);
    }

    /** Gives tasks back untouched (the service stops), for any worker to claim at once. */
    @Transactional
    public void release(UUID owner, List<IndexTask> tasks) {
        jdbc.prepareStatement(RELEASE, statement -> {
            statement.setArray(1, uuids(statement, ids(tasks)));
            statement.setObject(2, owner);
            return statement.executeUpdate();
        });
    }

    /** Extends the lease of every task {@code owner} holds. */
    @Transactional
    public void renew(UUID owner, Duration lease) {
        jdbc.prepareStatement(
                "update index_task set leased_until = clock_timestamp() + ? * interval '1 millisecond' "
                        + "where lease_owner = ?",
                statement -> {
                    statement.setLong(1, lease.toMillis());
                    statement.setObject(2, owner);
                    return statement.executeUpdate();
                });
    }

    /** Makes every failed task pending again, with fresh attempts; returns how many. */
    @Transactional
    public int retryFailed() {
        return jdbc.prepareStatement(
                "update index_task set state = 'PENDING', attempts = 0, next_attempt_at = now() "
                        + "where state = 'FAILED'",
                PreparedStatement::executeUpdate);
    }

    /** The counts of {@link IndexStatus}, read in one statement (one snapshot). */
    @ReadOnly
    public IndexStatus status(String collection, String model) {
        return jdbc.prepareStatement(STATUS, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new IndexStatus(
                        row.getLong("offers"),
                        row.getLong("indexed"),
                        row.getLong("pending"),
                        row.getLong("failed"),
                        row.getDouble("oldest"),
                        collection,
                        model);
            }
        });
    }

    /** How many tasks wait to be done or retried. */
    @ReadOnly
    public long pendingCount() {
        return count("select count(*) from index_task where state = 'PENDING'");
    }

    /** How many tasks used up their attempts. */
    @ReadOnly
    public long failedCount() {
        return count("select count(*) from index_task where state = 'FAILED'");
    }

    /** Seconds since the oldest change still pending was written; 0 when none is. */
    @ReadOnly
    public double oldestPendingAgeSeconds() {
        return jdbc.prepareStatement(
                "select coalesce(extract(epoch from clock_timestamp() - min(enqueued_at)), 0) from index_task "
                        + "where state = 'PENDING'",
                statement -> {
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getDouble(1);
                    }
                });
    }

    /** The newest task version; every task queued so far has this version or a lower one. */
    @ReadOnly
    public long lastVersion() {
        return count("select coalesce(max(version), 0) from index_task");
    }

    /** Whether a task at {@code version} or older is still pending (failed ones are not). */
    @ReadOnly
    public boolean pendingUpTo(long version) {
        return jdbc.prepareStatement(
                "select exists (select 1 from index_task where state = 'PENDING' and version <= ?)", statement -> {
                    statement.setLong(1, version);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getBoolean(1);
                    }
                });
    }

    /** How many of these offers have a pending task not yet attempted. */
    @ReadOnly
    public long notYetAttempted(Collection<UUID> offerIds) {
        return jdbc.prepareStatement(
                "select count(*) from index_task where offer_id = any(?) and state = 'PENDING' and attempts = 0",
                statement -> {
                    statement.setArray(1, uuids(statement, List.copyOf(offerIds)));
                    return single(statement);
                });
    }

    /** Offers with no task: their current version should be in the collection. */
    @ReadOnly
    public long offersWithoutTask() {
        return count("select count(*) from offer where not exists "
                + "(select 1 from index_task where index_task.offer_id = offer.id)");
    }

    private long count(String sql) {
        return jdbc.prepareStatement(sql, IndexQueue::single);
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String truncated(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static List<UUID> ids(List<IndexTask> tasks) {
        return tasks.stream().map(IndexTask::offerId).toList();
    }

    private static Array uuids(PreparedStatement statement, List<UUID> ids) throws SQLException {
        return statement.getConnection().createArrayOf("uuid", ids.toArray());
    }

    private static Array versions(PreparedStatement statement, List<IndexTask> tasks) throws SQLException {
        return statement
                .getConnection()
                .createArrayOf("bigint", tasks.stream().map(IndexTask::version).toArray());
    }
}
