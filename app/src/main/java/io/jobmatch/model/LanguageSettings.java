package io.jobmatch.model;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Language detection for offers posted without {@code language} and searches without one.
 *
 * @param detect        ISO 639-1 codes detection chooses among (fewer is faster and more accurate)
 * @param minConfidence below this, a detected language is not trusted and the request is refused
 */
@ConfigurationProperties("jobmatch.languages")
public record LanguageSettings(
        @Bindable(defaultValue = "en,fr,de,es,it,nl,pl,pt") List<String> detect,
        @Bindable(defaultValue = "0.9") double minConfidence) {}
