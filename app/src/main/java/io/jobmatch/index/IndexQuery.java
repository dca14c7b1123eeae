package io.jobmatch.index;

import io.jobmatch.keywords.KeywordVector;

import java.util.List;

/**
 * One ranked query against the index. With only a dense vector it is a cosine nearest-neighbour search, with only a
 * keyword vector a BM25 search, with both the two candidate lists are fused in Qdrant (see {@link FusionSettings}).
 * Both candidate searches and the fused list apply the same filter.
 *
 * @param dense         the query's embedding, one vector per model window (a long CV has several), or null; an
 *                      offer's dense rank is its best over the windows, because the part of a CV that says what
 *                      the person does can be anywhere in it (embeddings/README.md, "Long texts")
 * @param keywords      query keyword vector, or null; an empty one matches nothing
 * @param denseWeight   how many times the dense list counts in the fusion (at least 1)
 * @param keywordWeight how many times the keyword list counts in the fusion (at least 1)
 */
public record IndexQuery(List<float[]> dense, KeywordVector keywords, IndexFilter filter, int limit, int offset,
                         int denseWeight, int keywordWeight) {

    public IndexQuery {
        if (dense != null && dense.isEmpty()) {
            throw new IllegalArgumentException("a dense query needs at least one vector");
        }
        if (dense == null && keywords == null) {
            throw new IllegalArgumentException("a query needs a dense vector, a keyword vector or both");
        }
        if (denseWeight < 1 || keywordWeight < 1) {
            throw new IllegalArgumentException("fusion weights are whole numbers from 1");
        }
    }

    /** A dense-only query (no fusion, so no weights). */
    public static IndexQuery dense(float[] vector, IndexFilter filter, int limit, int offset) {
        return new IndexQuery(List.of(vector), null, filter, limit, offset, 1, 1);
    }
}
