package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Rebuilding the offers' collection into a new generation (the endpoint, or a model or layout change at startup).
 *
 * @param pageSize        offers read from PostgreSQL, embedded and upserted together
 * @param pagePause       pause after each page, to bound the share of the model (and of Qdrant) a rebuild takes from
 *                        a replica that serves meanwhile; 0 rebuilds as fast as it can
 * @param retryInterval   pause before a rebuild that failed (Qdrant or PostgreSQL unreachable) starts over
 * @param optimiseTimeout how long the new generation may take to build its indexes before the alias moves to it
 *                        anyway (searches on unindexed segments are exact, only slower)
 */
@ConfigurationProperties("jobmatch.index.reindex")
public record ReindexSettings(
        @Bindable(defaultValue = "48") int pageSize,
        @Bindable(defaultValue = "0s") Duration pagePause,
        @Bindable(defaultValue = "30s") Duration retryInterval,
        @Bindable(defaultValue = "10m") Duration optimiseTimeout) {}
