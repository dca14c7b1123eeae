package io.jobmatch.model;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** Reports the loaded model; the engine bean only exists once its files verified and loaded. */
@Singleton
@Readiness
class ModelHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final EmbeddingEngine engine;

    ModelHealthIndicator(EmbeddingEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        return Map.of(
                "model",
                engine.manifest().name(),
                "dimension",
                engine.dimension(),
                "multilingual",
                engine.manifest().multilingual());
    }

    @Override
    protected String getName() {
        return "model";
    }
}
