package io.jobmatch.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings directly under {@code jobmatch}.
 *
 * @param dataDir where embedded PostgreSQL and the local Qdrant keep their data, relative to the working directory
 */
@ConfigurationProperties("jobmatch")
public record JobmatchSettings(
        @Bindable(defaultValue = "data") String dataDir) {}
