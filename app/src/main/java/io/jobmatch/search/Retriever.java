package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexQuery;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.keywords.KeywordQuery;
import io.jobmatch.keywords.Keywords;
import jakarta.inject.Singleton;

/**
 * The ranking half of a search: query text to ranked offer ids, in the given mode, with the keywords analysed in
 * the filter's language. It needs only the model and Qdrant, so the evaluation command measures exactly this, the
 * path {@code POST /api/search} ranks with.
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
        TextEmbedding embedding = mode.usesDense() ? engine.embedQuery(text) : null;
        KeywordQuery query = keywords.query(text, filter.language().orElse(null));
        IndexQuery indexQuery = new IndexQuery(embedding == null ? null : embedding.vector(),
                mode.usesKeywords() ? query.vector() : null, filter, limit, offset);
        return new Ranking(index.search(indexQuery), embedding, query);
    }
}
