package io.jobmatch.index;

import io.jobmatch.offers.OfferDraft;
import io.jobmatch.offers.OfferStatus;

/** Minimal English offers for the queue's tests: the fields the queue cares about, nothing else. */
final class Drafts {

    private Drafts() {}

    static OfferDraft of(String source, String externalId, String title, String description, OfferStatus status) {
        return new OfferDraft(
                source,
                externalId,
                title,
                description,
                "en",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                status);
    }
}
