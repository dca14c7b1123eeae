package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Rebuilding the offers' collection into a new generation (the endpoint, or a model or layout change at startup).
 *
 * @param pageSize        offers read from PostgreSQL, embedded and upserted together
 * @param retryInterval   pause before a rebuild that failed (Qdrant or PostgreSQL unreachable) starts over
 * @param optimiseTimeout how long the new generation may take to build its indexes before the alias moves to it
 *                        anyway (searches on unindexed segments are exact, only slower)
 */
@ConfigurationProperties("jobmatch.index.reindex")
public record ReindexSettings(
        @Bindable(defaultValue = "48") int pageSize,
        @Bindable(defaultValue = "30s") Duration retryInterval,
        @Bindable(defaultValue = "10m") Duration optimiseTimeout) {}
