package io.jobmatch.offers;

import java.util.UUID;

/** No offer has this id (never stored, or deleted). */
public class OfferNotFoundException extends RuntimeException {

    public OfferNotFoundException(UUID id) {
        super("No offer with id " + id);
    }
}
