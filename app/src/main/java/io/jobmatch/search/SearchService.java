package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferIndex;
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

    public SearchService(EmbeddingEngine engine, OfferIndex index, OfferService offers) {
        this.engine = engine;
        this.index = index;
        this.offers = offers;
    }

    public SearchResponse search(SearchQuery query) {
        TextEmbedding embedding = engine.embedQuery(query.text());
        IndexFilter filter = IndexFilter.open(query.language(), query.country());
        List<IndexHit> hits = index.nearest(embedding.vector(), filter, query.limit(), query.offset());
        return new SearchResponse(resolve(hits, filter), query.language(), embedding.tokens(), embedding.chunks());
    }

    /** Offers closest to a stored one, never the offer itself; closed offers only when asked (recruiters' history). */
    public SearchResponse similar(UUID offerId, SimilarQuery query) {
        Offer offer = offers.get(offerId);
        float[] vector = index.vectorOf(offerId)
                .orElseGet(() -> engine.embedPassage(offer.searchableText()).vector());
        IndexFilter filter = new IndexFilter(Optional.ofNullable(query.language()), Optional.empty(),
                !query.includeClosed(), Optional.of(offerId));
        List<IndexHit> hits = index.nearest(vector, filter, query.limit(), query.offset());
        return new SearchResponse(resolve(hits, filter), query.language(), null, null);
    }

    /**
     * Loads the hits from PostgreSQL, the system of record, and re-checks the filter there: an offer changed or
     * deleted a moment ago whose vector is not updated yet must not slip through.
     */
    private List<SearchResult> resolve(List<IndexHit> hits, IndexFilter filter) {
        Map<UUID, Offer> stored = offers.getAll(hits.stream().map(IndexHit::offerId).toList()).stream()
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
