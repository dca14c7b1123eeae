package io.jobmatch.index;

import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.offers.OfferCursor;
import io.jobmatch.offers.OfferListing;
import io.jobmatch.offers.OfferPage;
import io.jobmatch.offers.OfferService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the offers' collection from PostgreSQL into a new generation while the alias keeps serving the current
 * one, then moves the alias in one request and deletes the old generation. Runs for {@code POST /api/index/reindex}
 * and at startup when the served collection holds another model or layout. One rebuild at a time; a second request
 * meanwhile is refused ({@link ReindexRunningException}). Writes that arrive meanwhile reach both collections
 * ({@link IndexRouting}). A rebuild that fails (Qdrant or PostgreSQL unreachable) starts over after a pause; one cut
 * short by a stop leaves a collection that the next startup deletes, and a model change is found again then.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);
    /** Longer than one page takes on a busy two-core machine, as for the indexer's sweep. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private static final long LOG_EVERY = 1_000;

    private final OfferIndex index;
    private final IndexRouting routing;
    private final CollectionGenerations generations;
    private final OfferVectors vectors;
    private final OfferService offers;
    private final ReindexSettings settings;
    private final RebuildLock lock;
    private final AtomicReference<Reindex> running = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private final Object pauses = new Object();

    private volatile boolean stopping;

    Reindexer(
            OfferIndex index,
            IndexRouting routing,
            CollectionGenerations generations,
            OfferVectors vectors,
            OfferService offers,
            ReindexSettings settings,
            RebuildLock lock) {
        this.index = index;
        this.routing = routing;
        this.generations = generations;
        this.vectors = vectors;
        this.offers = offers;
        this.settings = settings;
        this.lock = lock;
    }

    /**
     * Opens the alias at startup (see {@link CollectionGenerations#open}), deletes the collections it does not serve
     * unless another replica is rebuilding, and, when the served collection holds another model or layout, starts
     * rebuilding it, or, when another replica already does, waits for its swap and serves what it built.
     *
     * @return true when the served generation is new and empty, so everything must be indexed into it
     */
    public boolean open() {
        boolean created = generations.open();
        Optional<RebuildLock.Held> noRebuild = lock.tryAcquire();
        if (noRebuild.isPresent()) {
            try (RebuildLock.Held held = noRebuild.get()) {
                generations.deleteUnserved();
            }
        } else {
            LOG.info("Another replica is rebuilding the index: unserved collections stay until a later start");
        }
        if (!routing.names().sameFamily(routing.served())) {
            String reason = routing.servesOwnModel() ? "layout change" : "model change";
            try {
                start(reason);
            } catch (ReindexRunningException e) {
                LOG.info("{}: another replica is rebuilding the index; waiting for its swap", reason);
                runner.execute(() -> follow(reason));
            }
        }
        return created;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws ReindexRunningException when one is running
     */
    public Reindex start(String reason) {
        RebuildLock.Held held = lock.tryAcquire()
                .orElseThrow(() -> new ReindexRunningException(running()
                        .map(current -> "A reindex into " + current.collection() + " is already running ("
                                + current.offersWritten() + " offers written)")
                        .orElse("Another replica is rebuilding the index")));
        Reindex reindex = begin(held, reason);
        try {
            runner.execute(() -> build(reindex, held));
        } catch (RejectedExecutionException e) {
            running.set(null);
            held.close();
            throw new IndexUnavailableException("The service is shutting down", e);
        }
        return reindex;
    }

    /** The next generation's rebuild, now running under {@code held}; the lock is released if it cannot begin. */
    private Reindex begin(RebuildLock.Held held, String reason) {
        Reindex reindex;
        try {
            reindex = Reindex.of(generations.nextGeneration(), routing.served(), reason);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        running.set(reindex);
        LOG.info("Reindex ({}) started: building {} to replace {}", reason, reindex.collection(), reindex.replacing());
        return reindex;
    }

    /** Runs on the runner thread, holding the rebuild lock until done. */
    private void build(Reindex reindex, RebuildLock.Held held) {
        try (held) {
            buildUntilDone(reindex);
        } finally {
            running.set(null);
        }
    }

    /**
     * While another replica builds this model and layout's generation: serves it once the alias has moved to it, or
     * builds it here if the other replica stopped first (the lock is free again).
     */
    private void follow(String reason) {
        while (!stopping) {
            try {
                Optional<String> target = generations.aliasTarget();
                if (target.filter(routing.names()::sameFamily).isPresent()) {
                    index.serveThroughAlias(target.get());
                    LOG.info("Another replica's rebuild is done: serving {}", target.get());
                    return;
                }
                Optional<RebuildLock.Held> free = lock.tryAcquire();
                if (free.isPresent()) {
                    build(begin(free.get(), reason), free.get());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("Waiting for another replica's rebuild: {}", e.getMessage());
            }
            pause(settings.retryInterval());
        }
    }

    public Optional<Reindex> running() {
        return Optional.ofNullable(running.get());
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** Stops a rebuild after its current page, as the indexer's sweep stops, before the engine and clients close. */
    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (pauses) {
            pauses.notifyAll();
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A reindex was still running {} s after shutdown began", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void buildUntilDone(Reindex reindex) {
        while (!stopping) {
            try {
                if (buildOnce(reindex)) {
                    return;
                }
            } catch (EngineClosedException e) {
                LOG.info("Reindex into {} stopped: the service is shutting down", reindex.collection());
            } catch (RuntimeException e) {
                LOG.warn(
                        "Reindex into {} failed after {} offers; starting over in {}",
                        reindex.collection(),
                        reindex.offersWritten(),
                        settings.retryInterval(),
                        e);
                abandon(reindex);
                reindex.written().set(0);
                pause(settings.retryInterval());
                continue;
            }
            abandon(reindex);
        }
    }

    /** @return true when the alias has moved to the new generation; false when stopped first */
    private boolean buildOnce(Reindex reindex) {
        long started = System.nanoTime();
        String collection = reindex.collection();
        index.create(collection);
        // Points land in plain segments while the pages come in; the graph is built once, at the end.
        index.deferIndexing(collection);
        routing.startBuilding(collection);
        OfferCursor after = null;
        do {
            OfferPage page = offers.list(new OfferListing(List.of(), null, null, null, settings.pageSize(), after));
            if (!page.offers().isEmpty()) {
                List<IndexedOffer> computed = vectors.compute(page.offers());
                routing.fill(collection, computed, unwritten -> index.upsert(collection, unwritten));
                long written = reindex.written().addAndGet(page.offers().size());
                if (written % LOG_EVERY < page.offers().size()) {
                    LOG.info("Reindex into {}: {} offers written", collection, written);
                }
            }
            pause(settings.pagePause());
            after = page.nextCursor() == null
                    ? null
                    : OfferCursor.decode(page.nextCursor()).orElseThrow();
        } while (after != null && !stopping);
        if (stopping) {
            return false;
        }
        index.resumeIndexing(collection);
        if (!index.awaitOptimised(collection, settings.optimiseTimeout())) {
            LOG.warn(
                    "Reindex into {}: Qdrant still optimising after {}; swapping anyway",
                    collection,
                    settings.optimiseTimeout());
        }
        String previous = routing.swap(collection, () -> generations.moveAlias(collection));
        LOG.info(
                "Reindex done: alias {} now serves {} ({} points, {} offers read in {} s); deleting {}",
                routing.address(),
                collection,
                index.count(collection),
                reindex.offersWritten(),
                (System.nanoTime() - started) / 1_000_000_000,
                previous);
        deleteQuietly(previous);
        return true;
    }

    /** Writes go to the served collection only again, and the half-built one is deleted (or at the next start). */
    private void abandon(Reindex reindex) {
        routing.stopBuilding();
        try {
            if (generations.aliasTarget().filter(reindex.collection()::equals).isPresent()) {
                // The alias moved although its request seemed to fail (a reply lost to a timeout): keep serving it.
                LOG.error("Alias {} already serves {}; keeping it", routing.address(), reindex.collection());
                return;
            }
        } catch (IndexUnavailableException e) {
            LOG.warn("Could not read alias {}; {} stays until the next start", routing.address(), reindex.collection());
            return;
        }
        deleteQuietly(reindex.collection());
    }

    private void deleteQuietly(String collection) {
        try {
            generations.delete(collection);
        } catch (IndexUnavailableException e) {
            LOG.warn("Qdrant collection {} stays until the next start deletes it", collection, e);
        }
    }

    /** Waits, unless stopping, for {@code duration} or until {@link #stop} (which ends a pause at once). */
    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        synchronized (pauses) {
            if (!stopping) {
                try {
                    pauses.wait(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
        }
    }
}
