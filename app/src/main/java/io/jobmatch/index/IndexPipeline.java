package io.jobmatch.index;

import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One indexing worker: a loop on its own thread that keeps the model busy. While the model embeds a batch, the next
 * batch is claimed and its offers read from PostgreSQL, and the previous batch is upserted to Qdrant and
 * acknowledged, both on I/O threads; at most {@link #WRITES_BEHIND} batches wait for Qdrant, so memory stays bounded
 * and a slow Qdrant slows the model down instead of piling vectors up.
 */
final class IndexPipeline implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexPipeline.class);
    /** Batches embedded but not yet acknowledged by Qdrant and PostgreSQL. */
    static final int WRITES_BEHIND = 2;

    private final IndexQueue queue;
    private final OfferService offers;
    private final OfferVectors vectors;
    private final OfferIndex index;
    private final IndexSettings settings;
    private final IndexWorkMetrics metrics;
    private final UUID owner;
    private final ExecutorService io;
    private final BooleanSupplier stopping;
    private final Semaphore writeSlots = new Semaphore(WRITES_BEHIND);
    /** A permit when there may be new work: a write in this replica, or the service stopping. */
    private final Semaphore wakeup = new Semaphore(0);

    IndexPipeline(
            IndexQueue queue,
            OfferService offers,
            OfferVectors vectors,
            OfferIndex index,
            IndexSettings settings,
            IndexWorkMetrics metrics,
            UUID owner,
            ExecutorService io,
            BooleanSupplier stopping) {
        this.queue = queue;
        this.offers = offers;
        this.vectors = vectors;
        this.index = index;
        this.settings = settings;
        this.metrics = metrics;
        this.owner = owner;
        this.io = io;
        this.stopping = stopping;
    }

    /** Claimed tasks with what they need: the current version of the offers to upsert, the ids to delete. */
    record Batch(List<IndexTask> tasks, List<Offer> upserts, List<UUID> deletes) {

        static final Batch EMPTY = new Batch(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return tasks.isEmpty();
        }
    }

    void wake() {
        if (wakeup.availablePermits() == 0) {
            wakeup.release();
        }
    }

    @Override
    public void run() {
        CompletableFuture<Batch> next = claimAhead();
        while (!stopping.getAsBoolean()) {
            Batch batch = next.join();
            if (batch.isEmpty()) {
                idle();
                next = claimAhead();
                continue;
            }
            next = claimAhead();
            embedAndWrite(batch);
        }
        giveBack(next);
    }

    /** Waits until all writes behind the model are done, at most {@code millis}; true when they are. */
    boolean awaitWrites(long millis) throws InterruptedException {
        if (writeSlots.tryAcquire(WRITES_BEHIND, millis, TimeUnit.MILLISECONDS)) {
            writeSlots.release(WRITES_BEHIND);
            return true;
        }
        return false;
    }

    private CompletableFuture<Batch> claimAhead() {
        return stopping.getAsBoolean()
                ? CompletableFuture.completedFuture(Batch.EMPTY)
                : CompletableFuture.supplyAsync(this::claim, io);
    }

    /** Never throws: a failure to claim is logged and the worker idles until the next poll. */
    private Batch claim() {
        long started = System.nanoTime();
        List<IndexTask> tasks;
        try {
            tasks = queue.claim(owner, settings.batchSize(), settings.lease());
        } catch (RuntimeException e) {
            // Once per poll while PostgreSQL is down: the cause, without a stack trace each time.
            LOG.warn("Could not claim index tasks ({}); trying again in {}", e.getMessage(), settings.pollInterval());
            return Batch.EMPTY;
        }
        if (tasks.isEmpty()) {
            return Batch.EMPTY;
        }
        try {
            Batch batch = read(tasks);
            metrics.took(IndexWorkMetrics.Stage.READ, started);
            return batch;
        } catch (RuntimeException e) {
            LOG.warn("Could not read the offers of {} index tasks; they are given back", tasks.size(), e);
            release(tasks);
            return Batch.EMPTY;
        }
    }

    /** An upsert whose offer is gone (deleted after it was queued) deletes its point instead. */
    private Batch read(List<IndexTask> tasks) {
        List<UUID> upsertIds = new ArrayList<>();
        List<UUID> deletes = new ArrayList<>();
        for (IndexTask task : tasks) {
            (task.action() == IndexTask.Action.UPSERT ? upsertIds : deletes).add(task.offerId());
        }
        List<Offer> upserts = offers.getAll(upsertIds);
        Set<UUID> found = new HashSet<>();
        upserts.forEach(offer -> found.add(offer.id()));
        upsertIds.stream().filter(id -> !found.contains(id)).forEach(deletes::add);
        return new Batch(tasks, upserts, deletes);
    }

    private void embedAndWrite(Batch batch) {
        List<IndexedOffer> computed;
        long started = System.nanoTime();
        try {
            computed = batch.upserts().isEmpty() ? List.of() : vectors.compute(batch.upserts());
            metrics.took(IndexWorkMetrics.Stage.EMBED, started);
        } catch (EngineClosedException e) {
            LOG.info(
                    "{} index tasks given back: the service is shutting down",
                    batch.tasks().size());
            release(batch.tasks());
            return;
        } catch (RuntimeException e) {
            fail(batch, e);
            return;
        }
        try {
            writeSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(batch.tasks());
            return;
        }
        try {
            io.execute(() -> {
                try {
                    write(batch, computed);
                } finally {
                    writeSlots.release();
                }
            });
        } catch (RuntimeException e) {
            // The I/O executor is shut down: the service is stopping.
            writeSlots.release();
            release(batch.tasks());
        }
    }

    private void write(Batch batch, List<IndexedOffer> computed) {
        long started = System.nanoTime();
        try {
            index.upsert(computed);
            index.delete(batch.deletes());
        } catch (RuntimeException e) {
            fail(batch, e);
            return;
        }
        metrics.done(batch.upserts().size(), batch.deletes().size());
        try {
            queue.ack(owner, batch.tasks());
            metrics.took(IndexWorkMetrics.Stage.WRITE, started);
        } catch (RuntimeException e) {
            // Qdrant holds them: done again, harmlessly, once the lease runs out.
            LOG.warn(
                    "Could not acknowledge {} index tasks; they are redone later",
                    batch.tasks().size(),
                    e);
        }
    }

    private void fail(Batch batch, RuntimeException failure) {
        String cause = describe(failure);
        LOG.warn(
                "{} index tasks failed, retried with backoff: {}", batch.tasks().size(), cause);
        metrics.failed(batch.tasks().size());
        try {
            queue.fail(
                    owner, batch.tasks(), cause, settings.maxAttempts(), settings.backoffBase(), settings.backoffCap());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not record the failure of {} index tasks",
                    batch.tasks().size(),
                    e);
        }
    }

    private void release(List<IndexTask> tasks) {
        try {
            queue.release(owner, tasks);
        } catch (RuntimeException e) {
            LOG.info("{} index tasks stay leased until their lease runs out", tasks.size(), e);
        }
    }

    private void idle() {
        try {
            wakeup.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeup.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The batch claimed ahead when the worker stopped goes back untouched. */
    private void giveBack(CompletableFuture<Batch> next) {
        try {
            Batch ahead = next.get(settings.lease().toMillis(), TimeUnit.MILLISECONDS);
            if (!ahead.isEmpty()) {
                release(ahead.tasks());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("The index tasks claimed last stay leased until their lease runs out");
        }
    }

    /** The failure and its causes, one line: what an operator reads in {@code last_error}. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < IndexQueue.MAX_ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return text.toString();
    }
}
