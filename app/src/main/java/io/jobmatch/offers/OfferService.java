package io.jobmatch.offers;

import io.jobmatch.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Entry point of the offers feature: the system-of-record operations every adapter (HTTP, import, samples) uses. */
@Singleton
public class OfferService {

    private final OfferStore store;
    private final ApplicationEventPublisher<OffersChanged> events;

    public OfferService(OfferStore store, ApplicationEventPublisher<OffersChanged> events) {
        this.store = store;
        this.events = events;
    }

    public SavedOffer upsert(OfferDraft draft) {
        return upsertAll(List.of(draft)).get(0);
    }

    /** Stores the drafts in one transaction, then hands them to the index; results keep the drafts' order. */
    public List<SavedOffer> upsertAll(List<OfferDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<SavedOffer> saved = store.upsertAll(drafts);
        List<Offer> changed = saved.stream()
                .filter(s -> s.change() != SavedOffer.Change.UNCHANGED)
                .map(SavedOffer::offer)
                .toList();
        if (!changed.isEmpty()) {
            events.publishEvent(OffersChanged.saved(changed));
        }
        return saved;
    }

    public Offer get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<Offer> getAll(List<UUID> ids) {
        return store.findAll(ids);
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        events.publishEvent(OffersChanged.deleted(id));
    }

    public List<CountryCount> countriesWithOpenOffers(String language) {
        return store.countriesWithOpenOffers(language);
    }

    /** Parses a path id; a malformed one is the client's error (400), not a missing offer. */
    public static UUID parseId(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (!uuid.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", "must be a UUID such as 3f1c2a9e-6d1b-4c55-9a53-2b1f0e8c7d41 (got '"
                    + id + "')");
        }
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No offer with id " + id);
    }
}
