package io.jobmatch.index;

import io.jobmatch.keywords.KeywordVector;

/**
 * One ranked query against the index. With only a dense vector it is a cosine nearest-neighbour search, with only a
 * keyword vector a BM25 search, with both the two candidate lists are fused in Qdrant (see {@link FusionSettings}).
 * Both candidate searches and the fused list apply the same filter.
 *
 * @param dense    query embedding, or null
 * @param keywords query keyword vector, or null; an empty one matches nothing
 */
public record IndexQuery(float[] dense, KeywordVector keywords, IndexFilter filter, int limit, int offset) {

    public IndexQuery {
        if (dense == null && keywords == null) {
            throw new IllegalArgumentException("a query needs a dense vector, a keyword vector or both");
        }
    }
}
