package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.offers.OfferDraft;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.support.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two service replicas (two application contexts, each with its own worker pool and model) on one PostgreSQL database
 * and one Qdrant collection work off the same backlog: both take part, no task is done twice (what the two pools
 * upserted adds up to the offers exactly), and the collection ends with one point per offer.
 */
class TwoWorkerPoolsTest {

    private static final int OFFERS = 96;

    @Test
    void twoPoolsShareOneBacklogAndDoEachTaskOnce() throws InterruptedException {
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("TwoWorkerPools"));
        properties.put("jobmatch.index.batch-size", "4");
        properties.put("jobmatch.index.poll-interval", "100ms");
        try (ApplicationContext first = ApplicationContext.run(properties);
                ApplicationContext second = ApplicationContext.run(properties)) {
            List<OfferDraft> drafts = new ArrayList<>();
            for (int i = 0; i < OFFERS; i++) {
                drafts.add(draft(i));
            }
            // One transaction: the whole backlog is there before either pool takes a task.
            first.getBean(OfferService.class).upsertAll(drafts);

            OfferIndexer indexer = second.getBean(OfferIndexer.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (indexer.status().pending() > 0) {
                assertTrue(System.nanoTime() < deadline, "backlog not done in 3 minutes: " + indexer.status());
                Thread.sleep(100);
            }

            double byFirst = upserted(first);
            double bySecond = upserted(second);
            assertTrue(byFirst > 0 && bySecond > 0, "both pools took part: " + byFirst + " and " + bySecond);
            assertEquals(OFFERS, byFirst + bySecond, "each task done once: " + byFirst + " + " + bySecond);
            IndexStatus status = indexer.status();
            assertEquals(OFFERS, status.offers());
            assertEquals(OFFERS, status.indexed());
            assertEquals(0, status.failed());
            assertEquals(OFFERS, second.getBean(OfferIndex.class).count(), "one point per offer");
        }
    }

    private static double upserted(ApplicationContext context) {
        return context.getBean(MeterRegistry.class)
                .get("jobmatch.index.tasks")
                .tag("outcome", "upserted")
                .counter()
                .count();
    }

    private static OfferDraft draft(int i) {
        String title =
                List.of("Welder", "Baker", "Nurse", "Pilot", "Cook", "Driver").get(i % 6) + " " + i;
        return Drafts.of("pools", "offer-" + i, title, title + " wanted in the harbour district.", OfferStatus.OPEN);
    }
}
