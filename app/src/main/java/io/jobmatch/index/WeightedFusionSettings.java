package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Weights of the hybrid fusion ({@link WeightedFusion}): a result's score is
 * {@code dense × cosine + passages × best passage cosine + keywords × bm25 / (bm25 + keywordSaturation)}. The
 * defaults measured best on the evaluation set (docs/search-quality.md): where the model was trained for the
 * language, the whole-offer embedding leads and keywords only break ties; elsewhere the best single passage and the
 * keywords carry more than the whole-offer embedding.
 *
 * @param coveredDense        weight of the whole-offer cosine in a language the model was trained for
 * @param coveredPassages     weight of the best passage's cosine in such a language
 * @param coveredKeywords     weight of the saturated BM25 score in such a language
 * @param uncoveredDense      weight of the whole-offer cosine in a language the model was not trained for (any
 *                            language but English for the offline English model; none for the multilingual one)
 * @param uncoveredPassages   weight of the best passage's cosine in such a language
 * @param uncoveredKeywords   weight of the saturated BM25 score in such a language
 * @param keywordSaturation   the BM25 score at which the keyword term reaches half its weight; BM25 is unbounded,
 *                            the saturated term stays below 1 like the cosines it is added to
 */
@ConfigurationProperties("jobmatch.search.fusion.weighted")
public record WeightedFusionSettings(
        @Bindable(defaultValue = "1.0") double coveredDense,
        @Bindable(defaultValue = "1.0") double coveredPassages,
        @Bindable(defaultValue = "0.1") double coveredKeywords,
        @Bindable(defaultValue = "0.5") double uncoveredDense,
        @Bindable(defaultValue = "1.0") double uncoveredPassages,
        @Bindable(defaultValue = "0.4") double uncoveredKeywords,
        @Bindable(defaultValue = "20") double keywordSaturation) {

    public WeightedFusionSettings {
        if (coveredDense < 0
                || coveredPassages < 0
                || coveredKeywords < 0
                || uncoveredDense < 0
                || uncoveredPassages < 0
                || uncoveredKeywords < 0
                || keywordSaturation <= 0) {
            throw new IllegalArgumentException(
                    "weighted fusion weights must be at least 0 and the keyword " + "saturation above 0");
        }
    }
}
