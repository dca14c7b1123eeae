package io.jobmatch.offers;

/** Whether an offer still takes applications; only OPEN offers are returned to candidates. */
public enum OfferStatus {
    OPEN,
    CLOSED
}
