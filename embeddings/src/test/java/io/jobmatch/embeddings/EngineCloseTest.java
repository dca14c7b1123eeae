package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Closing the engine while other threads are inside the model and the tokenizer: it must never free native memory
 * under them (before the guard this crashed the JVM with SIGSEGV in {@code OrtSession.run}), the running calls
 * finish or stop with {@link EngineClosedException}, and every later call is refused with it.
 */
class EngineCloseTest {

    private static final int ROUNDS = 20;
    private static final int CALLERS = 3;

    @Test
    void closeDuringEmbeddingNeitherCrashesNorLetsLaterCallsIn() throws Exception {
        List<String> texts = java.util.stream.LongStream.range(0, 40)
                .mapToObj(SyntheticCorpus::offer)
                .toList();
        Random random = new Random(42);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                EmbeddingEngine engine = TestModels.openOffline(0);
                CountDownLatch started = new CountDownLatch(CALLERS);
                AtomicInteger embedded = new AtomicInteger();
                List<Future<Throwable>> outcomes = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    outcomes.add(callers.submit(() -> embedUntilRefused(engine, texts, started, embedded)));
                }
                assertTrue(started.await(30, TimeUnit.SECONDS));
                Thread.sleep(random.nextInt(400));

                engine.close();

                for (Future<Throwable> outcome : outcomes) {
                    Throwable ended = outcome.get(60, TimeUnit.SECONDS);
                    assertInstanceOf(EngineClosedException.class, ended, "a caller ends only by being refused");
                }
                EngineClosedException refused =
                        assertThrows(EngineClosedException.class, () -> engine.embedQuery("Java developer"));
                assertTrue(refused.getMessage().contains("shutting down"), refused.getMessage());
                engine.close(); // a second close is harmless
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void closeWaitsForTheCallInsideTheModel() throws Exception {
        EmbeddingEngine engine = TestModels.openOffline(0);
        String longText = SyntheticCorpus.cv(3, 1_500);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<TextEmbedding> running = caller.submit(() -> engine.embedDocument(longText));
            Thread.sleep(50);

            engine.close();

            // Either the call was already past its last model call and returned a vector, or it was refused before
            // its next one: never a crash, never a half-freed session.
            try {
                assertEquals(
                        engine.dimension(), running.get(60, TimeUnit.SECONDS).vector().length);
            } catch (java.util.concurrent.ExecutionException e) {
                assertInstanceOf(EngineClosedException.class, e.getCause());
            }
        } finally {
            caller.shutdownNow();
        }
    }

    private static Throwable embedUntilRefused(
            EmbeddingEngine engine, List<String> texts, CountDownLatch started, AtomicInteger embedded) {
        started.countDown();
        try {
            while (true) {
                for (String text : texts) {
                    engine.embedDocument(text + " " + embedded.incrementAndGet());
                }
            }
        } catch (RuntimeException e) {
            return e;
        }
    }
}
