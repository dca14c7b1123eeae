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
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
    private final DuplicatePostings duplicates;

    public SearchService(
            EmbeddingEngine engine,
            OfferIndex index,
            OfferService offers,
            Retriever retriever,
            MatchExplainer explainer,
            LanguageDetection languages,
            DuplicatePostings duplicates) {
        this.engine = engine;
        this.index = index;
        this.offers = offers;
        this.retriever = retriever;
        this.explainer = explainer;
        this.languages = languages;
        this.duplicates = duplicates;
    }

    /**
     * How deep the candidates of a search that drops or folds results (duplicates, {@code maxPerCompany}) are read at
     * most: enough for the last page ({@code offset} 1,000 + {@code limit} 100) with most results of the window
     * dropped, without reading the whole index for one request.
     */
    static final int MAX_WINDOW_CANDIDATES = 5_000;

    /** The first window of such a search, in pages: three times what the page needs, deepened fourfold when short. */
    static final int WINDOW_PAGES = 3;

    public SearchResponse search(SearchQuery query) {
        // Without a language, the CV's own language filters, when the detector is sure of it (else a 400 on language).
        LanguageGuess detected = query.language() == null ? languages.require(query.text()) : null;
        String language = detected == null ? query.language() : detected.language();
        IndexFilter filter = IndexFilter.open(language, query.criteria());
        Page page = query.collapseDuplicates() || query.maxPerCompany() != null
                ? windowedPage(query, filter, survivors(query))
                : page(query, filter);
        Ranking ranking = page.ranking();
        // Keyword ranking needs no embedding, but highlights do (the engine's cache makes a repeat free).
        TextEmbedding embedding = ranking.embedding() != null ? ranking.embedding() : engine.embedQuery(query.text());
        List<SearchResult> results = explained(page.results(), embedding, ranking);
        return new SearchResponse(
                results,
                language,
                detected == null ? null : detected.language(),
                detected == null ? null : detected.confidence(),
                embedding.tokens(),
                embedding.chunks(),
                query.mode(),
                index.facets(filter));
    }

    /** One page of ranked results re-checked in PostgreSQL, and the ranking it was cut from. */
    private record Page(Ranking ranking, List<SearchResult> results) {}

    /** A plain page: the index pages the ranking itself. */
    private Page page(SearchQuery query, IndexFilter filter) {
        Ranking ranking = retriever.rank(query.text(), filter, query.mode(), query.limit(), query.offset());
        return new Page(ranking, resolve(ranking.hits(), filter));
    }

    /**
     * What survives of a ranked list: duplicates folded first, so that a folded posting does not count toward its
     * company's {@code maxPerCompany}, then the per-company limit.
     */
    private UnaryOperator<List<SearchResult>> survivors(SearchQuery query) {
        UnaryOperator<List<SearchResult>> collapse =
                query.collapseDuplicates() ? duplicates::collapse : UnaryOperator.identity();
        if (query.maxPerCompany() == null) {
            return collapse;
        }
        CompanyDiversity diversity = new CompanyDiversity(query.maxPerCompany());
        return ranked -> diversity.keep(collapse.apply(ranked));
    }

    /**
     * A page of the results that survive dropping or folding. Which results survive depends on all that ranks above
     * the page, so candidates are read from the top, {@link #WINDOW_PAGES} times {@code offset + limit} deep, then
     * four times deeper while the survivors do not reach the end of the page and the index had more, up to
     * {@link #MAX_WINDOW_CANDIDATES}: a page is full whenever enough results survive in that window.
     */
    private Page windowedPage(SearchQuery query, IndexFilter filter, UnaryOperator<List<SearchResult>> survivors) {
        int wanted = query.offset() + query.limit();
        int depth = Math.min(MAX_WINDOW_CANDIDATES, WINDOW_PAGES * wanted);
        while (true) {
            Ranking ranking = retriever.rank(query.text(), filter, query.mode(), depth, 0);
            List<SearchResult> kept = survivors.apply(resolve(ranking.hits(), filter));
            boolean exhausted = ranking.hits().size() < depth || depth == MAX_WINDOW_CANDIDATES;
            if (kept.size() >= wanted || exhausted) {
                return new Page(
                        ranking, kept.subList(Math.min(query.offset(), kept.size()), Math.min(wanted, kept.size())));
            }
            depth = Math.min(MAX_WINDOW_CANDIDATES, 4 * depth);
        }
    }

    private List<SearchResult> explained(List<SearchResult> results, TextEmbedding embedding, Ranking ranking) {
        Map<UUID, Explanation> why = explainer.explain(
                results.stream().map(SearchResult::offer).toList(), embedding.vector(), ranking.keywords());
        return results.stream()
                .map(result -> {
                    Explanation explanation = why.get(result.offer().id());
                    return explanation == null
                            ? result
                            : result.explainedBy(explanation.highlights(), explanation.matchedTerms());
                })
                .toList();
    }

    /** Offers closest to a stored one, never the offer itself; closed offers only when asked (recruiters' history). */
    public SearchResponse similar(UUID offerId, SimilarQuery query) {
        Offer offer = offers.get(offerId);
        float[] vector = index.vectorOf(offerId)
                .orElseGet(() -> engine.embedDocument(offer.searchableText()).vector());
        IndexFilter filter = new IndexFilter(
                Optional.ofNullable(query.language()), !query.includeClosed(), Optional.of(offerId), query.criteria());
        List<IndexHit> hits = index.nearest(vector, filter, query.limit(), query.offset());
        return new SearchResponse(resolve(hits, filter), query.language(), null, null, null, null, null, null);
    }

    /**
     * Loads the hits from PostgreSQL, the system of record, and re-checks the whole filter there: an offer changed or
     * deleted a moment ago whose point is not updated yet must not slip through.
     */
    private List<SearchResult> resolve(List<IndexHit> hits, IndexFilter filter) {
        Map<UUID, Offer> stored = offers
                .getAll(hits.stream().map(IndexHit::offerId).toList())
                .stream()
                .collect(Collectors.toMap(Offer::id, Function.identity()));
        return hits.stream()
                .filter(hit -> stored.containsKey(hit.offerId()) && filter.admits(stored.get(hit.offerId())))
                .map(hit -> new SearchResult(stored.get(hit.offerId()), hit.score()))
                .toList();
    }
}
