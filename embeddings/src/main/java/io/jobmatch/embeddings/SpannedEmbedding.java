package io.jobmatch.embeddings;

import java.util.List;

/**
 * A document's embedding and, from the same forward pass, one vector per requested span (late chunking).
 *
 * @param document    exactly what {@link EmbeddingEngine#embedDocument} gives for the text on a batch-invariant model
 * @param spanVectors one L2-normalised vector per span, in the order asked: the mean of the span's token states as
 *                    the model read them inside the whole document (see README, "Late chunking")
 */
public record SpannedEmbedding(TextEmbedding document, List<float[]> spanVectors) {

    public SpannedEmbedding {
        spanVectors = List.copyOf(spanVectors);
    }
}
