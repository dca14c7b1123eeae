package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.LanguageGuess;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.explain.Explanation;
import io.jobmatch.explain.MatchExplainer;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferFacets;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.index.OfferPassages;
import io.jobmatch.model.LanguageDetection;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferService;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
    private final DuplicatePostings duplicates;
    private final SearchMetrics metrics;
    private final Overlap overlap;

    public SearchService(
            EmbeddingEngine engine,
            OfferIndex index,
            OfferService offers,
            Retriever retriever,
            MatchExplainer explainer,
            LanguageDetection languages,
            DuplicatePostings duplicates,
            SearchMetrics metrics,
            Overlap overlap) {
        this.engine = engine;
        this.index = index;
        this.offers = offers;
        this.retriever = retriever;
        this.explainer = explainer;
        this.languages = languages;
        this.duplicates = duplicates;
        this.metrics = metrics;
        this.overlap = overlap;
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
        return search(query, new SearchTimings());
    }

    /** A search that adds where its time goes to {@code timings} (the {@code Server-Timing} header). */
    public SearchResponse search(SearchQuery query, SearchTimings timings) {
        // Without a language, the CV's own language filters, when the detector is sure of it (else a 400 on language).
        LanguageGuess detected = query.language() == null ? languages.require(query.text()) : null;
        String language = detected == null ? query.language() : detected.language();
        IndexFilter filter = IndexFilter.open(language, query.criteria());
        // Facets depend on the filter alone: counted in Qdrant while the model embeds the CV.
        CompletableFuture<OfferFacets> facets =
                overlap.start(() -> timings.time(SearchTimings.Stage.QDRANT, () -> index.facets(filter)));
        Page page = query.collapseDuplicates() || query.maxPerCompany() != null
                ? windowedPage(query, filter, timings)
                : page(query, filter, timings);
        Ranking ranking = page.ranking();
        // Keyword ranking needs no embedding, but highlights do (the engine's cache makes a repeat free).
        TextEmbedding embedding = ranking.embedding() != null
                ? ranking.embedding()
                : timings.time(SearchTimings.Stage.EMBED, () -> engine.embedQuery(query.text()));
        List<SearchResult> results = timings.time(SearchTimings.Stage.EXPLAIN, () -> explained(page, embedding));
        SearchResponse response = new SearchResponse(
                results,
                language,
                detected == null ? null : detected.language(),
                detected == null ? null : detected.confidence(),
                embedding.tokens(),
                embedding.chunks(),
                query.mode(),
                Overlap.join(facets));
        metrics.record(query.mode(), timings);
        return response;
    }

    /**
     * One page of ranked results re-checked in PostgreSQL, the ranking it was cut from, and the stored passages of
     * (at least) its offers for their highlights.
     */
    private record Page(Ranking ranking, List<SearchResult> results, Map<UUID, OfferPassages> passages) {}

    /**
     * The ranked candidates read from PostgreSQL and re-checked there, with what Qdrant holds for them (passages for
     * highlights, and stored vectors when duplicates are folded) read at the same time rather than after.
     */
    private record Candidates(
            List<SearchResult> results, Map<UUID, OfferPassages> passages, Map<UUID, float[]> vectors) {}

    private Candidates candidates(Ranking ranking, IndexFilter filter, boolean withVectors, SearchTimings timings) {
        CompletableFuture<Map<UUID, OfferPassages>> passages = overlap.start(
                () -> timings.time(SearchTimings.Stage.EXPLAIN, () -> explainer.passagesOf(ranking.hits())));
        CompletableFuture<Map<UUID, float[]>> vectors = withVectors
                ? overlap.start(
                        () -> timings.time(SearchTimings.Stage.QDRANT, () -> duplicates.vectorsOf(ranking.hits())))
                : CompletableFuture.completedFuture(Map.of());
        List<SearchResult> results = resolve(ranking.hits(), filter, timings);
        return new Candidates(results, Overlap.join(passages), Overlap.join(vectors));
    }

    /** A plain page: the index pages the ranking itself. */
    private Page page(SearchQuery query, IndexFilter filter, SearchTimings timings) {
        Ranking ranking = retriever.rank(query.text(), filter, query.mode(), query.limit(), query.offset(), timings);
        Candidates candidates = candidates(ranking, filter, false, timings);
        return new Page(ranking, candidates.results(), candidates.passages());
    }

    /**
     * What survives of a ranked list: duplicates folded first, so that a folded posting does not count toward its
     * company's {@code maxPerCompany}, then the per-company limit.
     */
    private List<SearchResult> survivors(SearchQuery query, Candidates candidates) {
        List<SearchResult> collapsed = query.collapseDuplicates()
                ? duplicates.collapse(candidates.results(), candidates.vectors())
                : candidates.results();
        return query.maxPerCompany() == null ? collapsed : new CompanyDiversity(query.maxPerCompany()).keep(collapsed);
    }

    /**
     * A page of the results that survive dropping or folding. Which results survive depends on all that ranks above
     * the page, so candidates are read from the top, {@link #WINDOW_PAGES} times {@code offset + limit} deep, then
     * four times deeper while the survivors do not reach the end of the page and the index had more, up to
     * {@link #MAX_WINDOW_CANDIDATES}: a page is full whenever enough results survive in that window.
     */
    private Page windowedPage(SearchQuery query, IndexFilter filter, SearchTimings timings) {
        int wanted = query.offset() + query.limit();
        int depth = Math.min(MAX_WINDOW_CANDIDATES, WINDOW_PAGES * wanted);
        while (true) {
            Ranking ranking = retriever.rank(query.text(), filter, query.mode(), depth, 0, timings);
            Candidates candidates = candidates(ranking, filter, query.collapseDuplicates(), timings);
            List<SearchResult> kept = survivors(query, candidates);
            boolean exhausted = ranking.hits().size() < depth || depth == MAX_WINDOW_CANDIDATES;
            if (kept.size() >= wanted || exhausted) {
                return new Page(
                        ranking,
                        kept.subList(Math.min(query.offset(), kept.size()), Math.min(wanted, kept.size())),
                        candidates.passages());
            }
            depth = Math.min(MAX_WINDOW_CANDIDATES, 4 * depth);
        }
    }

    private List<SearchResult> explained(Page page, TextEmbedding embedding) {
        List<SearchResult> results = page.results();
        Map<UUID, Explanation> why = explainer.explain(
                results.stream().map(SearchResult::offer).toList(),
                embedding.vector(),
                page.ranking().keywords(),
                page.passages());
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
        return new SearchResponse(
                resolve(hits, filter, new SearchTimings()), query.language(), null, null, null, null, null, null);
    }

    /**
     * Loads the hits from PostgreSQL, the system of record, and re-checks the whole filter there: an offer changed or
     * deleted a moment ago whose point is not updated yet must not slip through.
     */
    private List<SearchResult> resolve(List<IndexHit> hits, IndexFilter filter, SearchTimings timings) {
        Map<UUID, Offer> stored = timings
                .time(
                        SearchTimings.Stage.DB,
                        () -> offers.getAll(hits.stream().map(IndexHit::offerId).toList()))
                .stream()
                .collect(Collectors.toMap(Offer::id, Function.identity()));
        return hits.stream()
                .filter(hit -> stored.containsKey(hit.offerId()) && filter.admits(stored.get(hit.offerId())))
                .map(hit -> new SearchResult(stored.get(hit.offerId()), hit.score()))
                .toList();
    }
}
