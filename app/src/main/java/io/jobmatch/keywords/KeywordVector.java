package io.jobmatch.keywords;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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

    /** The indices boxed, as the Qdrant client takes them for a stored vector and for a query alike. */
    public List<Integer> indexList() {
        return Arrays.stream(indices).boxed().toList();
    }

    public List<Float> valueList() {
        return IntStream.range(0, values.length).mapToObj(i -> values[i]).toList();
    }
}
