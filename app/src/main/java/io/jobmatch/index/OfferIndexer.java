package io.jobmatch.index;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferStore;
import io.jobmatch.offers.OffersChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Entry point of the index feature: keeps the Qdrant collection in step with PostgreSQL. Offers are indexed right
 * after they are committed; whatever could not be indexed then (Qdrant down) stays flagged in PostgreSQL and is
 * retried in the background, and a new or emptied collection is rebuilt from PostgreSQL at startup.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class OfferIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(OfferIndexer.class);
    private static final int REINDEX_PAGE = 256;

    private final OfferIndex index;
    private final OfferVectors vectors;
    private final OfferStore store;

    public OfferIndexer(OfferIndex index, OfferVectors vectors, OfferStore store) {
        this.index = index;
        this.vectors = vectors;
        this.store = store;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean created = index.ensureCollection();
        if (created || index.count() < store.count()) {
            int flagged = store.markAllPending();
            LOG.info("Qdrant collection {} {}; rebuilding it from the {} offers in PostgreSQL", index.collection(),
                    created ? "created" : "is missing points", flagged);
        }
        indexPending();
    }

    @EventListener
    void onOffersChanged(OffersChanged change) {
        try {
            index.delete(change.deleted());
        } catch (IndexUnavailableException e) {
            // The row is gone from PostgreSQL; searches drop ids that no longer resolve, and a rebuild removes it.
            LOG.warn("Deleted offers {} remain in Qdrant until the next rebuild", change.deleted(), e);
        }
        if (!change.saved().isEmpty()) {
            tryIndex(change.saved());
        }
    }

    /** Indexes every offer still flagged in PostgreSQL; returns how many were indexed. */
    @Scheduled(fixedDelay = "${jobmatch.index.retry-interval:30s}", initialDelay = "${jobmatch.index.retry-interval:30s}")
    public int indexPending() {
        int indexed = 0;
        List<Offer> page = store.pendingIndex(REINDEX_PAGE);
        while (!page.isEmpty() && tryIndex(page)) {
            indexed += page.size();
            page = store.pendingIndex(REINDEX_PAGE);
        }
        if (indexed > 0) {
            LOG.info("Indexed {} pending offers into {}", indexed, index.collection());
        }
        return indexed;
    }

    private boolean tryIndex(List<Offer> offers) {
        try {
            index.upsert(vectors.compute(offers));
            store.markIndexed(offers);
            return true;
        } catch (IndexUnavailableException e) {
            LOG.warn("{} offers stay pending: Qdrant is unavailable ({})", offers.size(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // The offers are committed already; the client must not get an error for them. They stay pending.
            LOG.error("{} offers stay pending: indexing failed", offers.size(), e);
            return false;
        }
    }
}
