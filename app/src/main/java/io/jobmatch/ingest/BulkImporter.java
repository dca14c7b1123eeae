package io.jobmatch.ingest;

import io.jobmatch.model.LanguageNotDetectedException;
import io.jobmatch.offers.OfferDraft;
import io.jobmatch.offers.OfferRequest;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.SavedOffer;
import io.jobmatch.security.SourceGrant;
import io.jobmatch.web.Binding;
import io.jobmatch.web.FieldError;
import io.jobmatch.web.RequestBinder;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the ingest feature: validates every item on its own and stores the valid ones in one batch, so
 * bad items never stop good ones. An item of a source the writer's API key does not hold is FORBIDDEN, alone. Used
 * by the bulk HTTP endpoint and the sample-data loader.
 */
@Singleton
public class BulkImporter {

    /** Most items one bulk request may carry; larger imports are split by the client. */
    public static final int MAX_ITEMS = 1_000;

    private final OfferService offers;
    private final RequestBinder binder;

    public BulkImporter(OfferService offers, RequestBinder binder) {
        this.offers = offers;
        this.binder = binder;
    }

    public BulkResponse importAll(List<BulkItems.Item> items, SourceGrant grant) {
        BulkItemResult[] results = new BulkItemResult[items.size()];
        List<OfferDraft> drafts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkItems.Item item = items.get(i);
            if (item.unreadable() != null) {
                results[i] = invalid(i, null, List.of(new FieldError("$", item.unreadable())));
                continue;
            }
            Binding<OfferRequest> read = binder.bind(item.json(), OfferRequest.class);
            if (!read.valid()) {
                results[i] = invalid(i, externalIdOf(item.json()), read.errors());
                continue;
            }
            OfferDraft draft = read.value().toDraft();
            if (!grant.mayWrite(draft.source())) {
                results[i] = new BulkItemResult(
                        i,
                        BulkItemResult.FORBIDDEN,
                        draft.externalId(),
                        null,
                        List.of(new FieldError(
                                "source", "this API key may not write offers of source '" + draft.source() + "'")));
                continue;
            }
            try {
                drafts.add(offers.withLanguage(draft));
                positions.add(i);
            } catch (LanguageNotDetectedException e) {
                results[i] = invalid(i, read.value().externalId(), List.of(new FieldError("language", e.getMessage())));
            }
        }
        List<SavedOffer> saved = offers.upsertAll(drafts);
        for (int k = 0; k < saved.size(); k++) {
            SavedOffer offer = saved.get(k);
            results[positions.get(k)] = new BulkItemResult(
                    positions.get(k),
                    offer.change().name(),
                    offer.offer().externalId(),
                    offer.offer().id(),
                    List.of());
        }
        return BulkResponse.of(List.of(results));
    }

    private static BulkItemResult invalid(int index, String externalId, List<FieldError> errors) {
        return new BulkItemResult(index, BulkItemResult.INVALID, externalId, null, errors);
    }

    private static String externalIdOf(JsonNode json) {
        JsonNode externalId = json != null && json.isObject() ? json.get("externalId") : null;
        return externalId != null && externalId.isString() ? externalId.getStringValue() : null;
    }
}
