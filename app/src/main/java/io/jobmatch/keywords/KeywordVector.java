package io.jobmatch.keywords;

/**
 * A sparse vector for Qdrant: term indices (32-bit hashes, read by Qdrant as unsigned) with their weights, indices
 * unique. Empty when the text had no term left after analysis.
 */
public record KeywordVector(int[] indices, float[] values) {

    public KeywordVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }
}
