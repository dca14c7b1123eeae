package io.jobmatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.embeddings.InferenceAdmission.Urgency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admission queue on its own, with real threads: searches beyond the queue are refused at once, indexing is never
 * refused, searches go first, and an indexing batch that has yielded long enough gets the next turn.
 */
class InferenceQueueTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** A thread per task: the common pool has one thread on two cores, and these tasks block on purpose. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Test
    void aSearchBeyondTheQueueIsRefusedAtOnceAndIndexingNever() throws Exception {
        InferenceQueue queue = queue(1, Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = occupy(queue, release);
        CompletableFuture<String> waiting =
                CompletableFuture.supplyAsync(() -> queue.admit(Urgency.INTERACTIVE, () -> "w"), threads);
        awaitGauge("search", 1);

        long start = System.nanoTime();
        InferenceOverloadedException refused =
                assertThrows(InferenceOverloadedException.class, () -> queue.admit(Urgency.INTERACTIVE, () -> "x"));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "refused without waiting");
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        CompletableFuture<String> indexing =
                CompletableFuture.supplyAsync(() -> queue.admit(Urgency.BACKGROUND, () -> "i"), threads);
        awaitGauge("indexing", 1);

        release.countDown();
        assertEquals("r", running.get(10, TimeUnit.SECONDS));
        assertEquals("w", waiting.get(10, TimeUnit.SECONDS));
        assertEquals("i", indexing.get(10, TimeUnit.SECONDS));
        assertEquals(1.0, registry.get("jobmatch.inference.shed").counter().count());
    }

    @Test
    void searchesGoFirstUntilIndexingHasYieldedLongEnough() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        InferenceQueue patient = queue(8, Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = occupy(patient, release);
        CompletableFuture<Void> indexing = CompletableFuture.runAsync(
                () -> patient.admit(Urgency.BACKGROUND, () -> order.add("indexing")), threads);
        awaitGauge("indexing", 1);
        CompletableFuture<Void> search = CompletableFuture.runAsync(
                () -> patient.admit(Urgency.INTERACTIVE, () -> order.add("search")), threads);
        awaitGauge("search", 1);
        release.countDown();
        CompletableFuture.allOf(running, indexing, search).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("search", "indexing"), order, "the later search went first");

        order.clear();
        registry.clear();
        InferenceQueue impatient = queue(8, Duration.ZERO);
        CountDownLatch again = new CountDownLatch(1);
        CompletableFuture<String> busy = occupy(impatient, again);
        CompletableFuture<Void> yielded = CompletableFuture.runAsync(
                () -> impatient.admit(Urgency.BACKGROUND, () -> order.add("indexing")), threads);
        awaitGauge("indexing", 1);
        CompletableFuture<Void> later = CompletableFuture.runAsync(
                () -> impatient.admit(Urgency.INTERACTIVE, () -> order.add("search")), threads);
        awaitGauge("search", 1);
        again.countDown();
        CompletableFuture.allOf(busy, yielded, later).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("indexing", "search"), order, "indexing that waited its yield went next");
    }

    private InferenceQueue queue(int queueSize, Duration indexingYield) {
        return new InferenceQueue(new InferenceSettings(1, queueSize, Duration.ofSeconds(1), indexingYield), registry);
    }

    /** Takes the one turn and holds it until {@code release}. */
    private CompletableFuture<String> occupy(InferenceQueue queue, CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(
                () -> queue.admit(Urgency.INTERACTIVE, () -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "r";
                }),
                threads);
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return running;
    }

    private void awaitGauge(String kind, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get("jobmatch.inference.queue")
                        .tag("kind", kind)
                        .gauge()
                        .value()
                != expected) {
            assertTrue(System.nanoTime() < deadline, kind + " never queued");
            Thread.sleep(5);
        }
    }
}
