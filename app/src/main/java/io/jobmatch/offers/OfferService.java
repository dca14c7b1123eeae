package io.jobmatch.offers;

import io.jobmatch.embeddings.LanguageGuess;
import io.jobmatch.model.LanguageDetection;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Entry point of the offers feature: the system-of-record operations every adapter (HTTP, import, samples) uses. */
@Singleton
public class OfferService {

    private final OfferStore store;
    private final ApplicationEventPublisher<OffersChanged> events;
    private final LanguageDetection languages;

    public OfferService(
            OfferStore store, ApplicationEventPublisher<OffersChanged> events, LanguageDetection languages) {
        this.store = store;
        this.events = events;
        this.languages = languages;
    }

    /** @throws io.jobmatch.model.LanguageNotDetectedException when it has no language and none is detected */
    public SavedOffer upsert(OfferDraft draft) {
        return upsertAll(List.of(withLanguage(draft))).get(0);
    }

    /**
     * The draft itself when it has a language, otherwise with the one detected from its title and description.
     *
     * @throws io.jobmatch.model.LanguageNotDetectedException when the detector is not sure
     */
    public OfferDraft withLanguage(OfferDraft draft) {
        if (draft.language() != null) {
            return draft;
        }
        LanguageGuess guess = languages.require(draft.detectableText());
        return draft.withLanguage(guess.language(), guess.confidence());
    }

    /**
     * Stores the drafts, each with a language, in one transaction, and announces the changed ones in that same
     * transaction ({@link OffersChanged}), so what derived data records of them commits with them; results keep the
     * drafts' order.
     */
    @Transactional
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

    /** @throws OfferNotFoundException when no offer has this id */
    public Offer get(UUID id) {
        return store.find(id).orElseThrow(() -> new OfferNotFoundException(id));
    }

    public List<Offer> getAll(List<UUID> ids) {
        return store.findAll(ids);
    }

    /**
     * Deletes the offer and announces it in the same transaction ({@link OffersChanged}).
     *
     * @throws OfferNotFoundException when no offer has this id
     */
    @Transactional
    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw new OfferNotFoundException(id);
        }
        events.publishEvent(OffersChanged.deleted(id));
    }

    /** One page of offers, closed ones included, found by words and filters (see {@link OfferListing}). */
    public OfferPage list(OfferListing listing) {
        return store.list(listing);
    }

    public List<CountryCount> countriesWithOpenOffers(String language) {
        return store.countriesWithOpenOffers(language);
    }
}
