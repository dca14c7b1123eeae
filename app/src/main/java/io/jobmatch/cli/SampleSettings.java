package io.jobmatch.cli;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The bundled sample offers.
 *
 * @param load whether {@code serve} loads them (idempotent); {@code --no-samples} overrides it
 */
@ConfigurationProperties("jobmatch.samples")
public record SampleSettings(
        @Bindable(defaultValue = "true") boolean load) {}
