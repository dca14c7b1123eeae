package io.jobmatch.index;

import java.util.List;

/**
 * The sentence-level passages of an offer's description and their embeddings, stored beside the offer so that
 * highlighting a result costs a dot product per passage instead of a model call.
 *
 * @param texts   passages in description order
 * @param vectors one L2-normalised embedding per passage, same order
 */
public record OfferPassages(List<String> texts, List<float[]> vectors) {

    public static final OfferPassages NONE = new OfferPassages(List.of(), List.of());

    public OfferPassages {
        if (texts.size() != vectors.size()) {
            throw new IllegalArgumentException(texts.size() + " passages but " + vectors.size() + " vectors");
        }
        texts = List.copyOf(texts);
        vectors = List.copyOf(vectors);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }
}
