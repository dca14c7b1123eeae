package io.jobmatch.index;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OffersChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener.TransactionPhase;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the index feature's writing side: keeps the Qdrant collection in step with PostgreSQL through the
 * durable task queue ({@link IndexQueue}). Every write queues its offers' tasks in its own transaction; this replica's
 * workers ({@link IndexPipeline}, {@link IndexSettings#workers()} of them) claim due tasks in batches, embed, upsert
 * or delete, and remove a task once Qdrant acknowledged it. Failed attempts are retried with backoff until
 * {@link IndexSettings#maxAttempts()}, then wait as failed for {@link #retryFailed()}. At startup a new or incomplete
 * collection gets a task for every offer. Offers are read through {@link OfferService}, the offers feature's entry
 * point.
 *
 * <p>The workers are stopped, and waited for (bounded), when the context begins to shut down and before any bean is
 * destroyed, so they do not use the embedding engine, the Qdrant client or the database after they are closed. Tasks
 * cut short are given back (or, when even that is cut short, claimed again once their lease runs out).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class OfferIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(OfferIndexer.class);
    /** Longer than one batch takes on a busy two-core machine; past it the engine refuses the workers' next call. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private static final Duration AWAIT_POLL = Duration.ofMillis(100);

    private final OfferIndex index;
    private final Reindexer reindexer;
    private final OfferVectors vectors;
    private final IndexQueue queue;
    private final OfferService offerService;
    private final TaskScheduler scheduler;
    private final IndexSettings settings;
    private final IndexWorkMetrics metrics;
    private final String model;
    /** This replica's worker pool, as the lease owner of the tasks it claims. */
    private final UUID owner = UUID.randomUUID();

    private final List<IndexPipeline> pipelines = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile ExecutorService io;
    private volatile ScheduledFuture<?> renewal;
    private volatile boolean stopping;
    /** Tasks up to this version were queued before the workers started: readiness waits for them. */
    private volatile long startupVersion = Long.MAX_VALUE;
    /** Set once no task queued before startup is pending: the collection holds every offer stored then. */
    private volatile boolean caughtUp;

    OfferIndexer(
            OfferIndex index,
            Reindexer reindexer,
            OfferVectors vectors,
            IndexQueue queue,
            OfferService offerService,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            IndexSettings settings,
            IndexWorkMetrics metrics,
            EmbeddingEngine engine) {
        this.index = index;
        this.reindexer = reindexer;
        this.vectors = vectors;
        this.queue = queue;
        this.offerService = offerService;
        this.scheduler = scheduler;
        this.settings = settings;
        this.metrics = metrics;
        this.model = engine.manifest().name();
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        boolean created = reindexer.open();
        if (created || index.count() < queue.offersWithoutTask()) {
            int queued = queue.enqueueAll();
            LOG.info(
                    "Qdrant collection {} {}; rebuilding it from PostgreSQL: {} offers queued",
                    index.collection(),
                    created ? "created" : "is missing points",
                    queued);
        }
        startupVersion = queue.lastVersion();
        io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("jobmatch-index-io-", 0).factory());
        for (int i = 0; i < settings.workers(); i++) {
            IndexPipeline pipeline = new IndexPipeline(
                    queue, offerService, vectors, index, settings, metrics, owner, io, () -> stopping);
            pipelines.add(pipeline);
            // A platform thread: a model call pins a virtual thread's carrier for its whole length.
            Thread thread =
                    Thread.ofPlatform().name("jobmatch-indexer-" + i).daemon().start(pipeline);
            threads.add(thread);
        }
        Duration renewEvery = settings.lease().dividedBy(3);
        renewal = scheduler.scheduleAtFixedRate(renewEvery, renewEvery, this::renewLeases);
    }

    /** A committed write has tasks for this replica's workers: no need to wait for their next poll. */
    @TransactionalEventListener(TransactionPhase.AFTER_COMMIT)
    void onOffersChanged(OffersChanged change) {
        pipelines.forEach(IndexPipeline::wake);
    }

    /**
     * Whether the startup rebuild or catch-up is done: no task queued before the workers started is still pending.
     * Readiness waits for it, so a replica never answers from a half-filled collection. Stays true afterwards:
     * offers written later are indexed as they come, and an outage then is Qdrant's own health check's to report.
     */
    public boolean caughtUp() {
        if (!caughtUp && startupVersion != Long.MAX_VALUE) {
            try {
                if (!queue.pendingUpTo(startupVersion)) {
                    caughtUp = true;
                    LOG.info("Index caught up with PostgreSQL: {}", status());
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not tell whether the index caught up", e);
            }
        }
        return caughtUp;
    }

    /** Where the index stands: offers, indexed, pending and failed tasks, lag, collection and model. */
    public IndexStatus status() {
        return queue.status(index.collection(), model);
    }

    /** Makes every failed task pending again with fresh attempts, and wakes the workers; returns how many. */
    public int retryFailed() {
        int retried = queue.retryFailed();
        if (retried > 0) {
            LOG.info("{} failed index tasks queued again", retried);
            pipelines.forEach(IndexPipeline::wake);
        }
        return retried;
    }

    /**
     * Waits until the workers have tried each of these offers' tasks at least once (done, or failed and retried
     * later), at most {@code timeout}; true when they have.
     */
    public boolean awaitAttempted(Collection<UUID> offerIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.notYetAttempted(offerIds) > 0) {
            if (System.nanoTime() > deadline || stopping) {
                return false;
            }
            try {
                Thread.sleep(AWAIT_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Stops the workers and waits for the batches in progress. Runs on {@link ShutdownEvent}, which the context
     * publishes before it destroys any bean, and again as this bean's own pre-destroy step.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        ScheduledFuture<?> scheduled = renewal;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        pipelines.forEach(IndexPipeline::wake);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, remainingMillis(deadline)));
            }
            for (IndexPipeline pipeline : pipelines) {
                pipeline.awaitWrites(Math.max(1, remainingMillis(deadline)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            LOG.warn(
                    "An indexing batch was still running {} s after shutdown began; its tasks are claimed again "
                            + "after their lease",
                    STOP_WAIT.toSeconds());
        }
        ExecutorService executor = io;
        if (executor != null) {
            executor.shutdown();
        }
    }

    private void renewLeases() {
        try {
            queue.renew(owner, settings.lease());
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the leases of this replica's index tasks", e);
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
