package io.jobmatch.model;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.EngineOptions;
import io.jobmatch.embeddings.ModelCatalog;
import io.jobmatch.embeddings.ResolvedModel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the one shared embedding engine, saying loudly when the running model is not the multilingual one. */
@Factory
class EmbeddingEngineFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingEngineFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddingEngine embeddingEngine(ModelSettings settings, InferenceQueue queue) {
        ResolvedModel model = ModelCatalog.create(Path.of(settings.dir()).toAbsolutePath())
                .resolve(settings.name(), settings.fallback());
        if (model.fallback()) {
            LOG.warn(
                    "Embedding model '{}' is not available ({}); using '{}' instead",
                    settings.name(),
                    model.reason(),
                    model.manifest().name());
        }
        if (!model.manifest().multilingual()) {
            LOG.warn(
                    "The running embedding model '{}' is ENGLISH-ONLY: offers and CVs in other languages are matched "
                            + "poorly. Fetch the multilingual model with models/fetch-model.sh {}",
                    model.manifest().name(),
                    settings.name());
        }
        int threads = settings.threads() > 0
                ? settings.threads()
                : Runtime.getRuntime().availableProcessors();
        EmbeddingEngine engine = EmbeddingEngine.open(
                model,
                new EngineOptions(settings.batchSize(), threads, settings.cacheSize(), settings.batchJitter()),
                queue);
        LOG.info(
                "Embedding model '{}' loaded ({} dimensions, {} threads)",
                model.manifest().name(),
                engine.dimension(),
                threads);
        return engine;
    }
}
