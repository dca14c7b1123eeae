package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexQuery;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.keywords.KeywordQuery;
import io.jobmatch.keywords.Keywords;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The ranking half of a search: query text to ranked offer ids, in the given mode, with the keywords analysed in
 * the filter's language and, in hybrid mode, the fusion weighted by whether the embedding model knows that language.
 * It needs only the model and Qdrant, so the evaluation command measures exactly this, the path
 * {@code POST /api/search} ranks with.
 */
@Singleton
public class Retriever {

    private final EmbeddingEngine engine;
    private final Keywords keywords;
    private final OfferIndex index;

    public Retriever(EmbeddingEngine engine, Keywords keywords, OfferIndex index) {
        this.engine = engine;
        this.keywords = keywords;
        this.index = index;
    }

    public Ranking rank(String text, IndexFilter filter, SearchMode mode, int limit, int offset) {
        return rank(text, filter, mode, limit, offset, new SearchTimings());
    }

    /** As {@link #rank(String, IndexFilter, SearchMode, int, int)}, adding the model's and Qdrant's time to timings. */
    Ranking rank(String text, IndexFilter filter, SearchMode mode, int limit, int offset, SearchTimings timings) {
        String language = filter.language().orElse(null);
        TextEmbedding embedding =
                mode.usesDense() ? timings.time(SearchTimings.Stage.EMBED, () -> engine.embedQuery(text)) : null;
        KeywordQuery query = keywords.query(text, language);
        IndexQuery indexQuery = new IndexQuery(
                embedding == null ? null : embedding.chunkVectors(),
                mode.usesKeywords() ? query.vector() : null,
                filter,
                limit,
                offset,
                modelCovers(language));
        return new Ranking(timings.time(SearchTimings.Stage.QDRANT, () -> index.search(indexQuery)), embedding, query);
    }

    /**
     * Whether the embedding model was trained for the language (its manifest lists none: any language). Where it was
     * not, its vectors still carry some signal, but the keywords carry more (docs/search-quality.md).
     */
    private boolean modelCovers(String language) {
        List<String> languages = engine.manifest().languages();
        return languages.isEmpty() || languages.contains(language);
    }
}
