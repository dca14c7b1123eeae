package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How hybrid search fuses its dense and keyword candidate lists inside Qdrant (Query API, prefetch + fusion).
 *
 * @param method     RRF (reciprocal rank fusion: ranks only) or DBSF (distribution-based score fusion: each list's
 *                   scores normalised by their mean and spread, then summed)
 * @param candidates how deep each list is read before fusing; a result must be among the first {@code candidates}
 *                   of either list to be returned at all
 * @param rrfK       RRF's rank constant: score = sum of 1 / (k + rank); smaller favours the tops of the lists
 */
@ConfigurationProperties("jobmatch.search.fusion")
public record FusionSettings(@Bindable(defaultValue = "RRF") FusionMethod method,
                             @Bindable(defaultValue = "100") int candidates,
                             @Bindable(defaultValue = "60") int rrfK) {

    /** The fusions Qdrant offers. */
    public enum FusionMethod { RRF, DBSF }
}
