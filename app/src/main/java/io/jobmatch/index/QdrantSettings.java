package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where the vector index lives. An unset {@code host} means no external Qdrant: the service starts the local binary
 * before its context exists and sets {@code host} and {@code port} to it.
 *
 * @param collectionPrefix the service searches and writes through the alias {@code <prefix>_live}, over a generation
 *                         named for the model and layout it holds ({@link CollectionNames}), so a model change builds
 *                         a new one; the service deletes its prefix's collections that the alias does not serve
 * @param timeout          deadline of every Qdrant call (indexing, health)
 * @param searchTimeout    deadline of each Qdrant call a search or similar-offers request makes, shorter: past it the
 *                         request gets a 503 instead of waiting on a slow Qdrant
 * @param binary           the local Qdrant binary; unset, the pinned version's place under {@code .cache/qdrant}
 * @param localHttpPort    HTTP port of the local Qdrant; 0 takes any free port
 * @param localGrpcPort    gRPC port of the local Qdrant; 0 takes any free port
 */
@ConfigurationProperties("jobmatch.qdrant")
public record QdrantSettings(
        @Nullable String host,
        @Bindable(defaultValue = "6334") int port,
        @Nullable String apiKey,
        @Bindable(defaultValue = "false") boolean tls,
        @Bindable(defaultValue = "offers") String collectionPrefix,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "3s") Duration searchTimeout,
        @Bindable(defaultValue = "128") int upsertBatchSize,
        @Nullable String binary,
        @Bindable(defaultValue = "0") int localHttpPort,
        @Bindable(defaultValue = "0") int localGrpcPort) {}
