package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferDraft;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.offers.SavedOffer;
import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The index's to-do list in a real PostgreSQL: a version stays pending until that very version is marked indexed.
 * The context is a command-line one, so no indexer works the backlog behind the test's back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexBacklogTest {

    ApplicationContext context;
    IndexBacklog backlog;
    OfferService offers;

    @BeforeAll
    void start() {
        Map<String, Object> properties =
                new HashMap<>(TestServers.isolatedProperties(getClass().getSimpleName()));
        context = ApplicationContext.run(properties, Environment.CLI);
        backlog = context.getBean(IndexBacklog.class);
        offers = context.getBean(OfferService.class);
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void aVersionChangedSinceItWasIndexedStaysPending() {
        Offer first = offers.upsert(draft("welder", "Welder")).offer();
        List<UUID> ids = List.of(first.id());
        assertEquals(ids, pendingAmong(ids), "a new offer is pending");

        Offer second = offers.upsert(draft("welder", "Senior welder")).offer();
        backlog.markIndexed(List.of(first));
        assertEquals(ids, pendingAmong(ids), "the indexed version is no longer the stored one");

        backlog.markIndexed(List.of(second));
        assertEquals(List.of(), pendingAmong(ids));

        offers.upsert(draft("welder", "Senior welder"));
        assertEquals(List.of(), pendingAmong(ids), "an unchanged re-import is no new version");
    }

    @Test
    void pendingOffersComeOldestChangeFirstAndARebuildFlagsThemAll() {
        List<Offer> created = offers
                .upsertAll(List.of(draft("baker", "Baker"), draft("nurse", "Nurse"), draft("driver", "Driver")))
                .stream()
                .map(SavedOffer::offer)
                .toList();
        List<UUID> ids = created.stream().map(Offer::id).toList();
        backlog.markIndexed(created);
        offers.upsert(draft("nurse", "Night nurse"));
        offers.upsert(draft("baker", "Pastry baker"));

        assertEquals(List.of(ids.get(1), ids.get(0)), pendingAmong(ids));

        assertEquals(backlog.offerCount(), backlog.markAllPending());
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), pendingAmong(ids), "every offer is pending again");
    }

    /** The pending ones among {@code ids}, in backlog order: the other test's offers may be pending too. */
    private List<UUID> pendingAmong(List<UUID> ids) {
        return backlog.pending(1_000).stream().filter(ids::contains).toList();
    }

    private static OfferDraft draft(String externalId, String title) {
        return new OfferDraft(
                "backlog-test",
                externalId,
                title,
                title + " wanted.",
                "en",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                OfferStatus.OPEN);
    }
}
