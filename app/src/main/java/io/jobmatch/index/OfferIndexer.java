package io.jobmatch.index;

import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OffersChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the index feature: keeps the Qdrant collection in step with PostgreSQL. Offers are indexed right
 * after they are committed; whatever could not be indexed then (Qdrant down, service stopping) stays in the
 * {@link IndexBacklog} and a background sweep indexes it, starting at startup, where a new or emptied collection is
 * flagged for a rebuild from PostgreSQL. Offers are read through {@link OfferService}, the offers feature's entry
 * point.
 *
 * <p>The sweep is stopped, and waited for, when the context begins to shut down and before any bean is destroyed, so
 * it never uses the embedding engine, the Qdrant client or the database after they are closed. An offer whose
 * indexing is cut short keeps its flag and is indexed after the next start.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class OfferIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(OfferIndexer.class);
    private static final int PAGE = 256;
    /** Offers embedded and upserted together; small, so that a stopping sweep finishes its slice in about a second. */
    private static final int SLICE = 8;
    /** Longer than one slice takes on a busy two-core machine; past it the engine refuses the sweep's next call. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final OfferIndex index;
    private final Reindexer reindexer;
    private final OfferVectors vectors;
    private final IndexBacklog backlog;
    private final OfferService offerService;
    private final TaskScheduler scheduler;
    private final IndexSettings settings;
    /** One pass at a time: the sweep, and a caller of {@link #indexPending}, never index the same page twice. */
    private final ReentrantLock pass = new ReentrantLock();

    private volatile boolean stopping;
    /** Set once a pass has left nothing pending since startup: the collection holds every stored offer. */
    private volatile boolean caughtUp;

    private volatile ScheduledFuture<?> sweep;

    OfferIndexer(
            OfferIndex index,
            Reindexer reindexer,
            OfferVectors vectors,
            IndexBacklog backlog,
            OfferService offerService,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            IndexSettings settings) {
        this.index = index;
        this.reindexer = reindexer;
        this.vectors = vectors;
        this.backlog = backlog;
        this.offerService = offerService;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean created = reindexer.open();
        if (created || index.count() < backlog.offerCount()) {
            int flagged = backlog.markAllPending();
            LOG.info(
                    "Qdrant collection {} {}; rebuilding it from the {} offers in PostgreSQL",
                    index.collection(),
                    created ? "created" : "is missing points",
                    flagged);
        }
        sweep = scheduler.scheduleWithFixedDelay(Duration.ZERO, settings.retryInterval(), this::sweep);
    }

    @EventListener
    void onOffersChanged(OffersChanged change) {
        try {
            index.delete(change.deleted());
        } catch (IndexUnavailableException e) {
            // The row is gone from PostgreSQL; searches drop ids that no longer resolve, and a rebuild removes it.
            LOG.warn("Deleted offers {} remain in Qdrant until the next rebuild", change.deleted(), e);
        }
        if (!change.saved().isEmpty() && !stopping) {
            tryIndex(change.saved());
        }
    }

    /**
     * Whether the startup rebuild or catch-up is done: some pass since startup found nothing left pending. Readiness
     * waits for it, so a replica never answers from a half-filled collection. Stays true afterwards: offers written
     * later are indexed as they come, and an outage then is Qdrant's own health check's to report.
     */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Indexes every offer still in the backlog, slice by slice, until done or stopped; returns how many. */
    public int indexPending() {
        pass.lock();
        try {
            int indexed = 0;
            List<Offer> page = stopping ? List.of() : pendingPage();
            while (!page.isEmpty()) {
                int done = indexSlices(page);
                indexed += done;
                page = done == page.size() && !stopping ? pendingPage() : List.of();
            }
            if (!stopping && !caughtUp && backlog.pending(1).isEmpty()) {
                caughtUp = true;
                LOG.info("Index caught up with PostgreSQL: {} points in {}", index.count(), index.collection());
            }
            if (indexed > 0) {
                LOG.info("Indexed {} pending offers into {}", indexed, index.collection());
            }
            return indexed;
        } finally {
            pass.unlock();
        }
    }

    /**
     * Stops the sweep and waits for a pass in progress to finish its slice. Runs on {@link ShutdownEvent}, which the
     * context publishes before it destroys any bean, and again as this bean's own pre-destroy step.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        ScheduledFuture<?> scheduled = sweep;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        try {
            if (pass.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                pass.unlock();
            } else {
                LOG.warn(
                        "An indexing pass was still running {} s after shutdown began; its offers stay pending",
                        STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The current version of the next pending offers, oldest change first; an offer deleted meanwhile is skipped. */
    private List<Offer> pendingPage() {
        return offerService.getAll(backlog.pending(PAGE));
    }

    /** A scheduled run must never throw: an exception would cancel every later sweep. */
    private void sweep() {
        try {
            indexPending();
        } catch (RuntimeException e) {
            LOG.warn("Indexing sweep failed; pending offers are retried in {}", settings.retryInterval(), e);
        }
    }

    /** @return how many offers of the page were indexed: all of them, or fewer when stopped or failed */
    private int indexSlices(List<Offer> page) {
        int done = 0;
        while (done < page.size() && !stopping) {
            List<Offer> slice = page.subList(done, Math.min(done + SLICE, page.size()));
            if (!tryIndex(slice)) {
                break;
            }
            done += slice.size();
        }
        return done;
    }

    private boolean tryIndex(List<Offer> offers) {
        try {
            index.upsert(vectors.compute(offers));
            backlog.markIndexed(offers);
            return true;
        } catch (IndexUnavailableException e) {
            LOG.warn("{} offers stay pending: Qdrant is unavailable ({})", offers.size(), e.getMessage());
            return false;
        } catch (EngineClosedException e) {
            LOG.info("{} offers stay pending: the service is shutting down", offers.size());
            return false;
        } catch (RuntimeException e) {
            // The offers are committed already; the client must not get an error for them. They stay pending.
            LOG.error("{} offers stay pending: indexing failed", offers.size(), e);
            return false;
        }
    }
}
