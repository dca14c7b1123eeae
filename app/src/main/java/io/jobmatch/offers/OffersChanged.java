package io.jobmatch.offers;

import java.util.List;
import java.util.UUID;

/**
 * Published synchronously inside the transaction that writes the offers, so derived data (the vector index) follows
 * the system of record without the offers feature depending on it: what a listener writes to PostgreSQL (the index's
 * task queue) commits or rolls back with the offers, and a listener that throws rolls the write back.
 */
public record OffersChanged(List<Offer> saved, List<UUID> deleted) {

    public static OffersChanged saved(List<Offer> offers) {
        return new OffersChanged(List.copyOf(offers), List.of());
    }

    public static OffersChanged deleted(UUID id) {
        return new OffersChanged(List.of(), List.of(id));
    }
}
