package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.offers.Offer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The write rule during a rebuild, without Qdrant: what each write reaches, what a rebuild page skips, and that the
 * alias never moves under a live write in flight. Collection names are the real scheme's.
 */
class IndexRoutingTest {

    private static final CollectionNames NAMES = CollectionNames.of("jobs", "e5-small-v2-q", "v4");
    private static final String SERVED = NAMES.generation(1);
    private static final String NEXT = NAMES.generation(2);

    private final List<String> written = Collections.synchronizedList(new ArrayList<>());

    @Test
    void namesSayWhatACollectionHolds() {
        assertEquals("jobs_live", NAMES.alias());
        assertEquals("jobs_e5-small-v2-q_v4_g2", NEXT);
        assertEquals(0, NAMES.generationOf("jobs_e5-small-v2-q_v4").getAsInt(), "a collection from before aliases");
        assertEquals(2, NAMES.generationOf(NEXT).getAsInt());
        assertTrue(NAMES.sameModel("jobs_e5-small-v2-q_v3"));
        assertFalse(NAMES.sameFamily("jobs_e5-small-v2-q_v3"), "an older layout");
        assertFalse(NAMES.sameModel("jobs_multilingual-e5-small_v4_g1"));
        assertTrue(NAMES.isOurs("jobs_multilingual-e5-small_v4_g1"));
        assertFalse(NAMES.isOurs("bench_search_s42_np_e5-small-v2-q_v4"), "another prefix");
        assertFalse(NAMES.isOurs("jobsx_e5-small-v2-q_v4"), "another prefix that starts with this one");
        assertFalse(NAMES.isOurs("jobs_live"), "not a generation's name");
    }

    @Test
    void withoutARebuildWritesGoToTheServedCollectionOnly() {
        IndexRouting routing = served(SERVED);

        routing.write(List.of(UUID.randomUUID()), written::add);

        assertEquals(List.of("jobs_live"), written);
    }

    @Test
    void duringARebuildWritesGoToBothAndThePagesSkipWhatTheyWrote() {
        IndexRouting routing = served(SERVED);
        UUID liveWrite = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        routing.startBuilding(NEXT);

        routing.write(List.of(liveWrite), written::add);
        List<UUID> filled = new ArrayList<>();
        routing.fill(
                NEXT,
                List.of(indexed(liveWrite), indexed(untouched)),
                page -> page.forEach(o -> filled.add(o.offer().id())));

        assertEquals(List.of("jobs_live", NEXT), written);
        assertEquals(List.of(untouched), filled, "the page's older read of the live write's offer is skipped");
        assertEquals(SERVED, routing.swap(NEXT, () -> {}));
        assertEquals(NEXT, routing.served());
        written.clear();
        routing.write(List.of(liveWrite), written::add);
        assertEquals(List.of("jobs_live"), written, "after the swap, the alias (the new generation) only");
    }

    @Test
    void anotherModelsCollectionGetsNoWritesAndRefusesThemWhenNothingIsBuilt() {
        IndexRouting routing = served("jobs_multilingual-e5-small_v4_g3");
        assertFalse(routing.servesOwnModel());

        assertThrows(IndexUnavailableException.class, () -> routing.write(List.of(UUID.randomUUID()), written::add));
        routing.startBuilding(NAMES.generation(1));
        routing.write(List.of(UUID.randomUUID()), written::add);

        assertEquals(List.of(NAMES.generation(1)), written, "the new model's vectors go to its own generation");
    }

    @Test
    void theAliasNeverMovesUnderALiveWriteInFlight() throws Exception {
        IndexRouting routing = served(SERVED);
        routing.startBuilding(NEXT);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform()
                .start(() -> routing.write(List.of(UUID.randomUUID()), target -> {
                    inFlight.countDown();
                    awaitQuietly(release);
                    written.add(target);
                }));
        assertTrue(inFlight.await(1, TimeUnit.MINUTES));
        List<String> moves = Collections.synchronizedList(new ArrayList<>());
        Thread swapper = Thread.ofPlatform().start(() -> routing.swap(NEXT, () -> moves.add(NEXT)));

        awaitState(swapper, Thread.State.WAITING);
        assertEquals(List.of(), moves, "the swap waits for the write");
        release.countDown();
        writer.join(Duration.ofMinutes(1));
        swapper.join(Duration.ofMinutes(1));

        assertEquals(List.of("jobs_live", NEXT), written, "the write reached both collections");
        assertEquals(List.of(NEXT), moves);
    }

    private static IndexRouting served(String collection) {
        IndexRouting routing = new IndexRouting(NAMES);
        routing.serveThroughAlias(collection);
        return routing;
    }

    private static IndexedOffer indexed(UUID id) {
        Offer offer = Offer.textOnly(id, "routing-test", id.toString(), "Title", "Text", "en", Instant.now());
        return new IndexedOffer(offer, new float[] {1}, null, OfferPassages.NONE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (thread.getState() != state) {
            assertTrue(System.nanoTime() < deadline, "thread never reached " + state);
            Thread.sleep(10);
        }
    }
}
