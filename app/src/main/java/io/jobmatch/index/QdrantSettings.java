package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Where the vector index lives. {@code host} is set by the local Qdrant server when none is configured.
 *
 * @param collectionPrefix the collection is named {@code <prefix>_<model>}, so a model change builds a new one
 */
@ConfigurationProperties("jobmatch.qdrant")
public record QdrantSettings(@Bindable(defaultValue = "127.0.0.1") String host,
                             @Bindable(defaultValue = "6334") int port,
                             @Nullable String apiKey,
                             @Bindable(defaultValue = "false") boolean tls,
                             @Bindable(defaultValue = "offers") String collectionPrefix,
                             @Bindable(defaultValue = "10s") Duration timeout,
                             @Bindable(defaultValue = "128") int upsertBatchSize) {
}
