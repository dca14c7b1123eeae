package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferDraft;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.support.Sql;
import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The indexing queue in a real PostgreSQL: writes queue their tasks in their own transaction, a newer write of an
 * offer coalesces into its task without losing the newer version, claims never hand one task to two owners, and
 * failures back off, then fail for good until re-driven. The context is a command-line one, so no index worker takes
 * tasks behind the test's back; each test uses a source of its own and looks only at its own offers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexQueueTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    ApplicationContext context;
    IndexQueue queue;
    OfferService offers;
    Sql sql;

    @BeforeAll
    void start() {
        Map<String, Object> properties =
                new HashMap<>(TestServers.isolatedProperties(getClass().getSimpleName()));
        context = ApplicationContext.run(properties, Environment.CLI);
        queue = context.getBean(IndexQueue.class);
        offers = context.getBean(OfferService.class);
        sql = new Sql(context.getBean(DataSource.class));
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void aWriteQueuesItsTaskAndANewerVersionKeepsItUntilThatVersionIsDone() {
        Offer offer = offers.upsert(draft("coalesce", "welder", "Welder")).offer();
        assertEquals(List.of(List.of("UPSERT", "PENDING", "0")), task(offer.id()), "committed with the offer");

        UUID owner = UUID.randomUUID();
        IndexTask claimed = claimAll(owner, offer.id());
        offers.upsert(draft("coalesce", "welder", "Senior welder"));
        assertEquals(1, sql.count("select count(*) from index_task where offer_id = ?", offer.id()), "one task");
        queue.ack(owner, List.of(claimed));

        IndexTask newer = claimAll(owner, offer.id());
        assertTrue(newer.version() > claimed.version(), "the task stayed for the version written meanwhile");
        queue.ack(owner, List.of(newer));
        assertEquals(List.of(), task(offer.id()));

        offers.upsert(draft("coalesce", "welder", "Senior welder"));
        assertEquals(List.of(), task(offer.id()), "an unchanged re-import is no new version");
    }

    @Test
    void aDeleteAfterAnUpsertBecomesADeleteAndAStatusChangeAnUpsert() {
        Offer closing = offers.upsert(draft("order", "closing", "Baker")).offer();
        Offer deleted = offers.upsert(draft("order", "deleted", "Nurse")).offer();
        UUID owner = UUID.randomUUID();
        queue.ack(owner, List.of(claimAll(owner, closing.id())));
        queue.ack(owner, List.of(claimAll(owner, deleted.id())));
        assertEquals(List.of(), task(closing.id()));

        offers.upsert(draft("order", "closing", "Baker", OfferStatus.CLOSED));
        offers.upsert(draft("order", "deleted", "Night nurse"));
        offers.delete(deleted.id());

        assertEquals("UPSERT", task(closing.id()).get(0).get(0));
        assertEquals("DELETE", task(deleted.id()).get(0).get(0), "the upsert queued before became a delete");
    }

    @Test
    void twoOwnersNeverClaimTheSameTaskAndAnExpiredLeaseIsFreeAgain() throws InterruptedException {
        List<UUID> ids = offers
                .upsertAll(List.of(
                        draft("lease", "a", "Driver"), draft("lease", "b", "Cook"), draft("lease", "c", "Pilot")))
                .stream()
                .map(saved -> saved.offer().id())
                .toList();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<IndexTask> firsts = only(first, ids, queue.claim(first, 1_000, Duration.ofMillis(300)));
        assertEquals(ids.size(), firsts.size(), "the first owner takes all that is due");
        assertEquals(List.of(), only(second, ids, queue.claim(second, 1_000, LEASE)), "leased ones are not handed out");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<IndexTask> reclaimed;
        do {
            Thread.sleep(100);
            reclaimed = only(second, ids, queue.claim(second, 1_000, LEASE));
        } while (reclaimed.isEmpty() && System.nanoTime() < deadline);
        assertEquals(ids.size(), reclaimed.size(), "the first owner's lease ran out: its tasks are claimed again");
        queue.ack(first, firsts);
        assertEquals(3, tasks(ids), "an owner whose lease was taken over acknowledges nothing");
        queue.ack(second, reclaimed);
        assertEquals(0, tasks(ids));
    }

    @Test
    void failuresBackOffThenFailForGoodUntilRetried() {
        Offer offer = offers.upsert(draft("failing", "x", "Welder")).offer();
        UUID owner = UUID.randomUUID();
        IndexTask task = claimAll(owner, offer.id());

        queue.fail(
                owner, List.of(task), "Qdrant upsert failed: UNAVAILABLE", 2, Duration.ofHours(1), Duration.ofHours(2));
        assertEquals(List.of("UPSERT", "PENDING", "1"), task(offer.id()).get(0));
        assertTrue(
                sql.count(
                                "select count(*) from index_task where offer_id = ? "
                                        + "and next_attempt_at > now() + interval '59 minutes'",
                                offer.id())
                        == 1,
                "the next attempt waits for the backoff");
        assertEquals(List.of(), only(owner, List.of(offer.id()), queue.claim(owner, 1_000, LEASE)), "in backoff");

        sql.rows("update index_task set next_attempt_at = now() where offer_id = ? returning 1", offer.id());
        IndexTask again = claimAll(owner, offer.id());
        queue.fail(
                owner,
                List.of(again),
                "Qdrant upsert failed: UNAVAILABLE",
                2,
                Duration.ofMillis(1),
                Duration.ofMillis(1));
        assertEquals(List.of("UPSERT", "FAILED", "2"), task(offer.id()).get(0));
        assertEquals(
                "Qdrant upsert failed: UNAVAILABLE",
                sql.rows("select last_error from index_task where offer_id = ?", offer.id())
                        .get(0)
                        .get(0));
        assertEquals(
                List.of(),
                only(owner, List.of(offer.id()), queue.claim(owner, 1_000, LEASE)),
                "a failed task is not retried");

        assertTrue(queue.retryFailed() >= 1);
        assertEquals(List.of("UPSERT", "PENDING", "0"), task(offer.id()).get(0));
        assertEquals(
                1,
                only(owner, List.of(offer.id()), queue.claim(owner, 1_000, LEASE))
                        .size(),
                "re-driven");
    }

    /** Claims everything due and keeps the task of {@code offerId} only. */
    private IndexTask claimAll(UUID owner, UUID offerId) {
        List<IndexTask> mine = only(owner, List.of(offerId), queue.claim(owner, 1_000, LEASE));
        assertEquals(1, mine.size(), "the offer's task is due");
        return mine.get(0);
    }

    /** The claimed tasks of {@code offerIds}; the others (other tests' offers) are given back at once. */
    private List<IndexTask> only(UUID owner, List<UUID> offerIds, List<IndexTask> claimed) {
        queue.release(
                owner,
                claimed.stream().filter(t -> !offerIds.contains(t.offerId())).toList());
        return claimed.stream().filter(t -> offerIds.contains(t.offerId())).toList();
    }

    private long tasks(List<UUID> offerIds) {
        return offerIds.stream()
                .mapToLong(id -> sql.count("select count(*) from index_task where offer_id = ?", id))
                .sum();
    }

    /** The offer's task as [action, state, attempts], or nothing. */
    private List<List<String>> task(UUID offerId) {
        return sql.rows("select action, state, attempts from index_task where offer_id = ?", offerId);
    }

    private static OfferDraft draft(String source, String externalId, String title) {
        return draft(source, externalId, title, OfferStatus.OPEN);
    }

    private static OfferDraft draft(String source, String externalId, String title, OfferStatus status) {
        return Drafts.of("queue-" + source, externalId, title, title + " wanted.", status);
    }
}
