package io.jobmatch.offers;

import java.util.List;

/**
 * A validated page request of the offer listing. Every filter that is set must hold; none means every offer, closed
 * ones included.
 *
 * @param words    each must occur in the title, company or description (ignoring case); empty lists newest first
 * @param language ISO 639-1 language, or null
 * @param status   OPEN or CLOSED, or null for both
 * @param source   the feed, or null
 * @param limit    offers per page
 * @param after    where the previous page ended, or null for the first page
 */
public record OfferListing(
        List<String> words, String language, OfferStatus status, String source, int limit, OfferCursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public OfferListing {
        words = List.copyOf(words);
    }
}
