package io.jobmatch.index;

import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.OfferStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * Which offers a vector query may return: by language and status, by the searcher's criteria, optionally excluding
 * one offer.
 */
public record IndexFilter(
        Optional<String> language, boolean openOnly, Optional<UUID> excluded, OfferCriteria criteria) {

    public static IndexFilter open(String language, OfferCriteria criteria) {
        return new IndexFilter(Optional.of(language), true, Optional.empty(), criteria);
    }

    public IndexFilter with(OfferCriteria narrowed) {
        return new IndexFilter(language, openOnly, excluded, narrowed);
    }

    /**
     * Whether a stored offer passes this filter: the same test Qdrant made on its copy of the offer, made again on the
     * system of record, where an offer changed since it was indexed is already up to date.
     */
    public boolean admits(Offer offer) {
        return language.map(offer.language()::equals).orElse(true)
                && (!openOnly || offer.status() == OfferStatus.OPEN)
                && excluded.map(id -> !id.equals(offer.id())).orElse(true)
                && criteria.matches(offer);
    }
}
