package io.jobmatch.embeddings;

/**
 * The embedding of one text.
 *
 * @param vector L2-normalised, so cosine similarity is the dot product; the caller owns the array
 * @param tokens the text's own tokens read by the model (prefix and special tokens excluded, overlap counted once):
 *               always the whole text, never a truncated part
 * @param chunks model windows the text needed; above 1 the vector aggregates the windows' vectors
 */
public record TextEmbedding(float[] vector, int tokens, int chunks) {

    /** Cosine similarity with another embedding of the same model. */
    public double similarity(TextEmbedding other) {
        return Vectors.dot(vector, other.vector);
    }

    TextEmbedding copy() {
        return new TextEmbedding(vector.clone(), tokens, chunks);
    }
}
