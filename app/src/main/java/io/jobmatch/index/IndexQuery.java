package io.jobmatch.index;

import io.jobmatch.keywords.KeywordVector;
import java.util.List;

/**
 * One ranked query against the index. With only a dense vector it is a cosine nearest-neighbour search, with only a
 * keyword vector a BM25 search, with both the two candidate lists are fused in Qdrant (see {@link WeightedFusion}).
 * Both candidate searches and the fused list apply the same filter.
 *
 * @param dense         the query's embedding, one vector per model window (a long CV has several), or null; an
 *                      offer's dense rank is its best over the windows, because the part of a CV that says what
 *                      the person does can be anywhere in it (embeddings/README.md, "Long texts")
 * @param keywords      query keyword vector, or null; an empty one matches nothing
 * @param modelCoversLanguage whether the embedding model was trained for the filter's language: the fusion weighs
 *                      the dense side more where it was (see {@link WeightedFusionSettings})
 */
public record IndexQuery(
        List<float[]> dense,
        KeywordVector keywords,
        IndexFilter filter,
        int limit,
        int offset,
        boolean modelCoversLanguage) {

    public IndexQuery {
        if (dense != null && dense.isEmpty()) {
            throw new IllegalArgumentException("a dense query needs at least one vector");
        }
        if (dense == null && keywords == null) {
            throw new IllegalArgumentException("a query needs a dense vector, a keyword vector or both");
        }
    }

    /** Whether the keyword side can match anything: the vector of a text of stop words only is empty. */
    boolean hasKeywords() {
        return keywords != null && !keywords.isEmpty();
    }

    /** Dense and keyword sides both able to match: their candidates are fused ({@link WeightedFusion}). */
    boolean isHybrid() {
        return dense != null && hasKeywords();
    }

    /** A keyword-only query of stop words only: no offer can match it. */
    boolean matchesNothing() {
        return dense == null && !hasKeywords();
    }

    /**
     * A dense-only query of several windows: each offer keeps its best cosine over the windows, a maximum that Qdrant
     * cannot take in one request, so each window is searched on its own.
     */
    boolean isMultiWindowDense() {
        return dense != null && dense.size() > 1 && !hasKeywords();
    }

    /** A dense-only query (no fusion, so coverage does not matter). */
    public static IndexQuery dense(float[] vector, IndexFilter filter, int limit, int offset) {
        return new IndexQuery(List.of(vector), null, filter, limit, offset, true);
    }
}
