package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The background indexer.
 *
 * @param retryInterval pause between two sweeps over offers still pending (Qdrant was down, or the service stopped
 *                      while indexing them); the first sweep runs at startup
 */
@ConfigurationProperties("jobmatch.index")
public record IndexSettings(@Bindable(defaultValue = "30s") Duration retryInterval) {}
