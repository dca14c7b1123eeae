package io.jobmatch.pages;

import io.jobmatch.model.LanguageSettings;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.OfferCursor;
import io.jobmatch.offers.OfferListing;
import io.jobmatch.offers.OfferNotFoundException;
import io.jobmatch.offers.OfferPage;
import io.jobmatch.offers.OfferService;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.search.SearchResult;
import io.jobmatch.search.SearchService;
import io.jobmatch.search.SimilarQuery;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the recruiter page: finds offers by words (closed ones included) and shows one offer's similar
 * roles. Similar roles come from every language unless one is chosen: a recruiter filling a role wants every past
 * role like it on the board, and the embedding model compares offers across languages.
 */
@Singleton
public class RecruiterPage {

    static final int LISTING_SIZE = 20;
    static final int SIMILAR_SIZE = 20;

    /** A language the recruiter may filter by, named in the page's language. */
    public record LanguageOption(String code, String name, boolean selected) {}

    private final OfferService offers;
    private final SearchService search;
    private final List<String> boardLanguages;

    RecruiterPage(OfferService offers, SearchService search, LanguageSettings languages) {
        this.offers = offers;
        this.search = search;
        this.boardLanguages = languages.detect();
    }

    /** The listing: offers whose title, company or description hold every word, newest first without words. */
    Map<String, Object> listing(String lang, RecruiterForm form) {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> model = common(form, locale);
        Optional<OfferCursor> after = form.cursor() == null ? Optional.empty() : OfferCursor.decode(form.cursor());
        OfferPage page = offers.list(new OfferListing(
                words(form.q()),
                known(form.language()),
                status(form.status()),
                form.source(),
                LISTING_SIZE,
                after.orElse(null)));
        model.put(
                "offers",
                page.offers().stream().map(o -> OfferView.of(o, locale)).toList());
        model.put("nextCursor", page.nextCursor());
        return model;
    }

    /**
     * One offer and its similar roles, never the offer itself; closed ones unless hidden.
     *
     * @return empty when no offer has this id
     */
    Optional<Map<String, Object>> similar(String lang, RecruiterForm form) {
        Locale locale = Locale.forLanguageTag(lang);
        Offer offer;
        try {
            offer = offers.get(form.offer());
        } catch (OfferNotFoundException unknown) {
            return Optional.empty();
        }
        String language = known(form.similarLanguage());
        List<SearchResult> similar = search.similar(
                        offer.id(), new SimilarQuery(language, !form.hideClosed(), SIMILAR_SIZE, 0, OfferCriteria.ANY))
                .results();
        Map<String, Object> model = common(form, locale);
        model.put("offer", OfferView.of(offer, locale));
        model.put(
                "similar",
                similar.stream().map(r -> OfferView.of(r.offer(), locale)).toList());
        model.put("similarLanguages", options(language, locale));
        return Optional.of(model);
    }

    private Map<String, Object> common(RecruiterForm form, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("languageOptions", options(known(form.language()), locale));
        return model;
    }

    private List<LanguageOption> options(String selected, Locale locale) {
        return boardLanguages.stream()
                .map(code -> new LanguageOption(
                        code, Locale.forLanguageTag(code).getDisplayLanguage(locale), code.equals(selected)))
                .toList();
    }

    /** A language the board knows, or null (any): a typo filters nothing rather than showing an empty page. */
    private String known(String language) {
        return language != null && boardLanguages.contains(language) ? language : null;
    }

    private static OfferStatus status(String status) {
        return Arrays.stream(OfferStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
    }

    private static List<String> words(String q) {
        return q == null || q.isBlank()
                ? List.of()
                : Arrays.stream(q.strip().split("\\s+")).distinct().toList();
    }
}
