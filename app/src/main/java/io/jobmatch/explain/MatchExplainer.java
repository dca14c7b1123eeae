package io.jobmatch.explain;

import io.jobmatch.embeddings.Vectors;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.index.OfferPassages;
import io.jobmatch.keywords.KeywordQuery;
import io.jobmatch.keywords.Keywords;
import io.jobmatch.offers.Offer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entry point of the explanation feature. One Qdrant read fetches the stored passages of all results; each passage
 * is scored by a dot product with the query embedding, and the offer's text is analysed once for matched terms: no
 * model call, so explaining a page of results costs a small fraction of the search itself.
 */
@Singleton
public class MatchExplainer {

    private final OfferIndex index;
    private final Keywords keywords;
    private final ExplainSettings settings;

    public MatchExplainer(OfferIndex index, Keywords keywords, ExplainSettings settings) {
        this.index = index;
        this.keywords = keywords;
        this.settings = settings;
    }

    /**
     * The stored passages of these ranked offers, for {@link #explain}: at most one Qdrant read (offers unchanged
     * since an earlier search come from memory), which a search can send while it reads the same offers from
     * PostgreSQL. Empty when explanations are switched off.
     */
    public Map<UUID, OfferPassages> passagesOf(List<IndexHit> hits) {
        return settings.enabled() ? index.passagesOf(hits) : Map.of();
    }

    /**
     * @param queryVector the query's L2-normalised embedding
     * @param query       the query's keywords
     * @param passages    the offers' stored passages ({@link #passagesOf}; more offers than these is fine)
     * @return the explanation of each offer by id; empty when explanations are switched off
     */
    public Map<UUID, Explanation> explain(
            List<Offer> offers, float[] queryVector, KeywordQuery query, Map<UUID, OfferPassages> passages) {
        if (!settings.enabled()) {
            return Map.of();
        }
        Map<UUID, Explanation> explanations = new HashMap<>();
        for (Offer offer : offers) {
            List<Highlight> highlights = best(passages.getOrDefault(offer.id(), OfferPassages.NONE), queryVector);
            List<String> terms =
                    keywords.matchedTerms(query, offer.searchableText(), offer.language(), settings.matchedTerms());
            explanations.put(offer.id(), new Explanation(highlights, terms));
        }
        return explanations;
    }

    private List<Highlight> best(OfferPassages passages, float[] queryVector) {
        List<Highlight> scored = new ArrayList<>(passages.texts().size());
        for (int i = 0; i < passages.texts().size(); i++) {
            scored.add(new Highlight(
                    passages.texts().get(i), Vectors.dot(passages.vectors().get(i), queryVector)));
        }
        scored.sort(Comparator.comparingDouble(Highlight::similarity).reversed());
        return List.copyOf(scored.subList(0, Math.min(settings.highlights(), scored.size())));
    }
}
