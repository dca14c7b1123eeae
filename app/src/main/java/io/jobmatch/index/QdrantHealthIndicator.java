package io.jobmatch.index;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** /health is DOWN while Qdrant does not answer. */
@Singleton
@Readiness
class QdrantHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final OfferIndex index;

    QdrantHealthIndicator(OfferIndex index) {
        this.index = index;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        if (!index.isReachable()) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("collection", index.collection(), "error", "Qdrant does not answer");
        }
        healthStatus = HealthStatus.UP;
        return Map.of("collection", index.collection(), "points", index.count());
    }

    @Override
    protected String getName() {
        return "qdrant";
    }
}
