package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of the offer listing.
 *
 * @param offers     the offers, as {@code GET /api/offers/{id}} returns them
 * @param nextCursor pass it as {@code cursor} for the next page; absent on the last page
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferPage(List<Offer> offers, String nextCursor) {}
