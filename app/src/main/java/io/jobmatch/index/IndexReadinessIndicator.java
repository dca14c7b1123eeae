package io.jobmatch.index;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code /health/readiness} (and {@code /health}) stay DOWN until the startup rebuild or catch-up of the collection is
 * done, so an orchestrator sends no search to a replica whose collection is still filling, and while the alias still
 * serves another model's collection (a new model's generation being built), whose vectors this model's queries cannot
 * search.
 */
@Singleton
@Readiness
@Requires(notEnv = Environment.CLI)
class IndexReadinessIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final OfferIndexer indexer;
    private final OfferIndex index;

    IndexReadinessIndicator(OfferIndexer indexer, OfferIndex index) {
        this.indexer = indexer;
        this.index = index;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean caughtUp = indexer.caughtUp();
        boolean ownModel = index.servesOwnModel();
        healthStatus = caughtUp && ownModel ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("caughtUp", caughtUp, "servesOwnModel", ownModel, "collection", index.collection());
    }

    @Override
    protected String getName() {
        return "index";
    }
}
