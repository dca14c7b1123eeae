package io.jobmatch.explain;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled      whether search results carry highlights and matched terms at all
 * @param highlights   most passages shown per result (1 to 3 is what the API promises)
 * @param matchedTerms most matched query words listed per result
 */
@ConfigurationProperties("jobmatch.search.explain")
public record ExplainSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "3") int highlights,
        @Bindable(defaultValue = "15") int matchedTerms) {}
