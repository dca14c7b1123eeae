package io.jobmatch.index;

import io.jobmatch.keywords.KeywordVector;
import io.jobmatch.offers.Offer;

/**
 * An offer with what is computed for it, ready to upsert.
 *
 * @param vector   the dense embedding of title and description
 * @param keywords the BM25 keyword vector, analysed in the offer's language
 * @param passages the description's sentences with their embeddings, for highlights; empty when not computed
 */
public record IndexedOffer(Offer offer, float[] vector, KeywordVector keywords, OfferPassages passages) {}
