package io.jobmatch.search;

import io.jobmatch.offers.OfferCriteria;

/** Parameters of "offers like this one"; {@code language} null means any language. */
public record SimilarQuery(String language, boolean includeClosed, int limit, int offset, OfferCriteria criteria) {}
