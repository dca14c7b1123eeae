package io.jobmatch.offers;

/** An offer after an upsert, and what the upsert did to it. */
public record SavedOffer(Offer offer, Change change) {

    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
