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
 * done, so an orchestrator sends no search to a replica whose collection is still filling.
 */
@Singleton
@Readiness
@Requires(notEnv = Environment.CLI)
class IndexReadinessIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final OfferIndexer indexer;

    IndexReadinessIndicator(OfferIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = indexer.caughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("caughtUp", indexer.caughtUp());
    }

    @Override
    protected String getName() {
        return "index";
    }
}
