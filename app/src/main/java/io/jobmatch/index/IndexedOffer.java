package io.jobmatch.index;

import io.jobmatch.offers.Offer;

/** An offer with the vector computed for it, ready to upsert. */
public record IndexedOffer(Offer offer, float[] vector) {
}
