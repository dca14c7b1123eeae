package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How hybrid search fuses its dense and keyword candidate lists inside Qdrant (Query API: prefetches + fusion).
 * The defaults are what measured best on the evaluation set (docs/search-quality.md).
 *
 * @param method                 WEIGHTED (the default: every candidate of either list re-scored by the offer vector,
 *                               the offer's passages and the keywords, the scores added with the weights of
 *                               {@link WeightedFusionSettings}), RRF (reciprocal rank fusion of the two lists: ranks
 *                               only) or DBSF (distribution-based score fusion: each list's scores normalised by their
 *                               mean and spread, then summed)
 * @param candidates             how deep each list is read before fusing; a result must be among the first
 *                               {@code candidates} of either list to be returned at all
 * @param rrfK                   RRF's rank constant: score = sum of weight / (k + rank); smaller favours the tops
 * @param coveredDenseWeight     RRF and DBSF: weight of the dense list in a language the embedding model was trained
 *                               for (a whole number: the list is sent that many times)
 * @param coveredKeywordWeight   weight of the keyword list in such a language
 * @param uncoveredDenseWeight   weight of the dense list in a language the model was not trained for (any language
 *                               but English for the offline English model; none for the multilingual one)
 * @param uncoveredKeywordWeight weight of the keyword list in such a language
 */
@ConfigurationProperties("jobmatch.search.fusion")
public record FusionSettings(@Bindable(defaultValue = "WEIGHTED") FusionMethod method,
                             @Bindable(defaultValue = "100") int candidates,
                             @Bindable(defaultValue = "3") int rrfK,
                             @Bindable(defaultValue = "3") int coveredDenseWeight,
                             @Bindable(defaultValue = "1") int coveredKeywordWeight,
                             @Bindable(defaultValue = "1") int uncoveredDenseWeight,
                             @Bindable(defaultValue = "2") int uncoveredKeywordWeight) {

    public FusionSettings {
        if (coveredDenseWeight < 1 || coveredKeywordWeight < 1 || uncoveredDenseWeight < 1
                || uncoveredKeywordWeight < 1) {
            throw new IllegalArgumentException("RRF and DBSF list weights are whole numbers from 1");
        }
    }

    /** A score formula over re-scored candidates, or one of the fusions Qdrant has built in. */
    public enum FusionMethod { WEIGHTED, RRF, DBSF }
}
