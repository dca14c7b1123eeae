package io.jobmatch.eval;

import io.jobmatch.index.FusionSettings;
import io.jobmatch.index.PassageSettings;
import io.jobmatch.index.WeightedFusionSettings;
import io.jobmatch.keywords.KeywordSettings;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The settings that shape a ranking, as the evaluation report lists them next to its figures. */
@Singleton
public class RankingSettings {

    private final FusionSettings fusion;
    private final WeightedFusionSettings weighted;
    private final KeywordSettings keywords;
    private final PassageSettings passages;

    public RankingSettings(
            FusionSettings fusion,
            WeightedFusionSettings weighted,
            KeywordSettings keywords,
            PassageSettings passages) {
        this.fusion = fusion;
        this.weighted = weighted;
        this.keywords = keywords;
        this.passages = passages;
    }

    public Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fusion.candidates", Integer.toString(fusion.candidates()));
        settings.put(
                "fusion.weights",
                String.format(
                        Locale.ROOT,
                        "covered dense:passages:keywords %s:%s:%s, uncovered %s:%s:%s, keyword saturation %s",
                        weighted.coveredDense(),
                        weighted.coveredPassages(),
                        weighted.coveredKeywords(),
                        weighted.uncoveredDense(),
                        weighted.uncoveredPassages(),
                        weighted.uncoveredKeywords(),
                        weighted.keywordSaturation()));
        settings.put("passages", passages.enabled() ? "up to " + passages.max() + " per document" : "off");
        settings.put("keywords.k1", Double.toString(keywords.k1()));
        settings.put("keywords.b", Double.toString(keywords.b()));
        settings.put("keywords.average-length", Double.toString(keywords.averageLength()));
        settings.put("keywords.title-weight", Double.toString(keywords.titleWeight()));
        settings.put("keywords.subword-languages", String.join(",", keywords.subwordLanguages()));
        settings.put("keywords.subword-weight", Double.toString(keywords.subwordWeight()));
        return settings;
    }
}
