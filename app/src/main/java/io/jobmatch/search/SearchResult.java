package io.jobmatch.search;

import io.jobmatch.offers.Offer;
import io.micronaut.serde.annotation.Serdeable;

/** One ranked offer; {@code score} is the cosine similarity between query and offer vectors (higher is closer). */
@Serdeable
public record SearchResult(Offer offer, double score) {
}
