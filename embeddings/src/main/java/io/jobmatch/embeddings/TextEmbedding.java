package io.jobmatch.embeddings;

import java.util.List;

/**
 * The embedding of one text.
 *
 * @param vector       L2-normalised, so cosine similarity is the dot product: the normalised mean of
 *                     {@code chunkVectors}, the one vector to store for the text
 * @param tokens       the text's own tokens read by the model (prefix and special tokens excluded, overlap counted
 *                     once): always the whole text, never a truncated part
 * @param chunks       model windows the text needed
 * @param chunkVectors the L2-normalised vector of each window, in text order; searching with each of them and
 *                     keeping an offer's best score ranks offers better for long CVs than {@code vector} does
 *                     (see README, "Long texts")
 */
public record TextEmbedding(float[] vector, int tokens, int chunks, List<float[]> chunkVectors) {

    public TextEmbedding {
        chunkVectors = List.copyOf(chunkVectors);
    }

    /** An embedding known only by its aggregate vector. */
    public TextEmbedding(float[] vector, int tokens, int chunks) {
        this(vector, tokens, chunks, List.of(vector));
    }

    /** Cosine similarity of the aggregate vectors of two embeddings of the same model. */
    public double similarity(TextEmbedding other) {
        return Vectors.dot(vector, other.vector);
    }

    /** Best cosine similarity between any window of this text and the other text's aggregate vector. */
    public double bestChunkSimilarity(TextEmbedding other) {
        double best = -1;
        for (float[] chunk : chunkVectors) {
            best = Math.max(best, Vectors.dot(chunk, other.vector));
        }
        return best;
    }

    /** A deep copy: the cache hands out copies so callers may change their arrays. */
    TextEmbedding copy() {
        float[] vectorCopy = vector.clone();
        if (chunkVectors.size() == 1 && chunkVectors.getFirst() == vector) {
            return new TextEmbedding(vectorCopy, tokens, chunks, List.of(vectorCopy));
        }
        return new TextEmbedding(
                vectorCopy,
                tokens,
                chunks,
                chunkVectors.stream().map(float[]::clone).toList());
    }
}
