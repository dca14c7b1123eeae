package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.LanguageGuess;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.explain.Explanation;
import io.jobmatch.explain.MatchExplainer;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.model.LanguageDetection;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OfferStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Entry point of the search feature: "jobs like my CV" and "offers like this one". */
@Singleton
public class SearchService {

    private final EmbeddingEngine engine;
    private final OfferIndex index;
    private final OfferService offers;
    private final Retriever retriever;
    private final MatchExplainer explainer;
    private final LanguageDetection languages;

    public SearchService(
            EmbeddingEngine engine,
            OfferIndex index,
            OfferService offers,
            Retriever retriever,
            MatchExplainer explainer,
            LanguageDetection languages) {
        this.engine = engine;
        this.index = index;
        this.offers = offers;
        this.retriever = retriever;
        this.explainer = explainer;
        this.languages = languages;
    }

    public SearchResponse search(SearchQuery query) {
        LanguageGuess detected = query.language() == null ? detectLanguage(query.text()) : null;
        String language = detected == null ? query.language() : detected.language();
        IndexFilter filter = IndexFilter.open(language, query.country());
        Ranking ranking = retriever.rank(query.text(), filter, query.mode(), query.limit(), query.offset());
        // Keyword ranking needs no embedding, but highlights do (the engine's cache makes a repeat free).
        TextEmbedding embedding = ranking.embedding() != null ? ranking.embedding() : engine.embedQuery(query.text());
        List<SearchResult> results = explained(resolve(ranking.hits(), filter), embedding, ranking);
        return new SearchResponse(
                results,
                language,
                detected == null ? null : detected.language(),
                detected == null ? null : detected.confidence(),
                embedding.tokens(),
                embedding.chunks(),
                query.mode());
    }

    /**
     * A search without a language filters on the CV's own language, when the detector is sure of it.
     *
     * @throws io.jobmatch.model.LanguageNotDetectedException when it is not
     */
    private LanguageGuess detectLanguage(String text) {
        return languages.require(text);
    }

    private List<SearchResult> explained(List<SearchResult> results, TextEmbedding embedding, Ranking ranking) {
        Map<UUID, Explanation> why = explainer.explain(
                results.stream().map(SearchResult::offer).toList(), embedding.vector(), ranking.keywords());
        return results.stream()
                .map(result -> {
                    Explanation explanation = why.get(result.offer().id());
                    return explanation == null
                            ? result
                            : new SearchResult(
                                    result.offer(),
                                    result.score(),
                                    explanation.highlights(),
                                    explanation.matchedTerms());
                })
                .toList();
    }

    /** Offers closest to a stored one, never the offer itself; closed offers only when asked (recruiters' history). */
    public SearchResponse similar(UUID offerId, SimilarQuery query) {
        Offer offer = offers.get(offerId);
        float[] vector = index.vectorOf(offerId)
                .orElseGet(() -> engine.embedDocument(offer.searchableText()).vector());
        IndexFilter filter = new IndexFilter(
                Optional.ofNullable(query.language()), Optional.empty(), !query.includeClosed(), Optional.of(offerId));
        List<IndexHit> hits = index.nearest(vector, filter, query.limit(), query.offset());
        return new SearchResponse(resolve(hits, filter), query.language(), null, null, null, null, null);
    }

    /**
     * Loads the hits from PostgreSQL, the system of record, and re-checks the filter there: an offer changed or
     * deleted a moment ago whose vector is not updated yet must not slip through.
     */
    private List<SearchResult> resolve(List<IndexHit> hits, IndexFilter filter) {
        Map<UUID, Offer> stored = offers
                .getAll(hits.stream().map(IndexHit::offerId).toList())
                .stream()
                .collect(Collectors.toMap(Offer::id, Function.identity()));
        return hits.stream()
                .filter(hit -> stored.containsKey(hit.offerId()) && matches(stored.get(hit.offerId()), filter))
                .map(hit -> new SearchResult(stored.get(hit.offerId()), hit.score()))
                .toList();
    }

    private static boolean matches(Offer offer, IndexFilter filter) {
        return filter.language().map(offer.language()::equals).orElse(true)
                && filter.country().map(c -> c.equals(offer.country())).orElse(true)
                && (!filter.openOnly() || offer.status() == OfferStatus.OPEN);
    }
}
