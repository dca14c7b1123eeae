package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many candidates hybrid search reads before its {@link WeightedFusion} scores them inside Qdrant (Query API:
 * prefetches + score formula). The default is what measured best on the evaluation set (docs/search-quality.md).
 *
 * @param candidates how deep the dense and the keyword list are each read before fusing; a result must be among the
 *                   first {@code candidates} of either list to be returned at all
 */
@ConfigurationProperties("jobmatch.search.fusion")
public record FusionSettings(@Bindable(defaultValue = "100") int candidates) {}
