package io.jobmatch.pages;

import io.jobmatch.cv.CvFileException;
import io.jobmatch.cv.CvFileSearch;
import io.jobmatch.cv.CvSearchResponse;
import io.jobmatch.cv.CvSettings;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.embeddings.LanguageGuess;
import io.jobmatch.index.IndexUnavailableException;
import io.jobmatch.index.OfferFacets;
import io.jobmatch.model.LanguageDetection;
import io.jobmatch.model.LanguageNotDetectedException;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.OfferService;
import io.jobmatch.search.SearchMode;
import io.jobmatch.search.SearchQuery;
import io.jobmatch.search.SearchResponse;
import io.jobmatch.search.SearchResult;
import io.jobmatch.search.SearchService;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point of the candidate page: builds its model, the form as sent plus, after a search, the ranked open offers
 * in the page's language, why each matched, and what the page should tell the person (errors, the CV's language).
 */
@Singleton
public class CandidatePage {

    static final int PAGE_SIZE = 10;

    private final SearchService search;
    private final OfferService offers;
    private final LanguageDetection languages;
    private final PageLanguages pageLanguages;
    private final MarkedText marks;
    private final CvFileSearch files;
    private final CvSettings cvSettings;

    CandidatePage(
            SearchService search,
            CvFileSearch files,
            CvSettings cvSettings,
            OfferService offers,
            LanguageDetection languages,
            PageLanguages pageLanguages,
            MarkedText marks) {
        this.search = search;
        this.files = files;
        this.cvSettings = cvSettings;
        this.offers = offers;
        this.languages = languages;
        this.pageLanguages = pageLanguages;
        this.marks = marks;
    }

    /** The page before any search: the form, with the countries that have offers in this language. */
    Map<String, Object> form(String lang, CandidateForm form) {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("text", form.text() == null ? "" : form.text());
        List<CountryOption> countries = countries(lang, form.country(), locale);
        model.put("countries", countries);
        // A country without offers in this language (say, kept from another language's page) filters nothing.
        model.put(
                "country",
                countries.stream()
                        .filter(CountryOption::selected)
                        .map(CountryOption::code)
                        .findFirst()
                        .orElse(null));
        model.put("notices", new ArrayList<PageMessage>());
        // The page's script refuses a larger file before uploading it; the server checks again.
        model.put("maxFileBytes", cvSettings.maxFileSize());
        return model;
    }

    /** The page after a search; a problem with the CV or the service is a message on the page, not an error page. */
    Map<String, Object> search(String lang, CandidateForm form) {
        Map<String, Object> model = form(lang, form);
        Locale locale = Locale.forLanguageTag(lang);
        String text = form.text() == null ? "" : form.text().strip();
        if (text.isEmpty()) {
            model.put("error", PageMessage.of("error.noText"));
            return model;
        }
        if (text.length() > EmbeddingEngine.MAX_TEXT_CHARS) {
            model.put(
                    "error",
                    PageMessage.of("error.tooLong", String.format(locale, "%,d", EmbeddingEngine.MAX_TEXT_CHARS)));
            return model;
        }
        notices(model).addAll(languageNotice(text, lang, locale));
        try {
            show(model, search.search(query(lang, model, form).withText(text)), form, locale);
        } catch (IndexUnavailableException | EngineClosedException unavailable) {
            model.put("error", PageMessage.of("error.unavailable"));
        }
        return model;
    }

    /**
     * The page after a search with a CV file: its text replaces the form's, for the person to correct and search
     * again; a refused file is a message saying why, the form keeping what was typed.
     */
    Map<String, Object> searchFile(String lang, CandidateForm form, String fileName, byte[] file) {
        Map<String, Object> model = form(lang, form);
        Locale locale = Locale.forLanguageTag(lang);
        try {
            CvSearchResponse response = files.search(file, query(lang, model, form));
            model.put("text", response.extractedText());
            notices(model).add(PageMessage.of("notice.extracted", fileName));
            if (response.truncated()) {
                notices(model)
                        .add(PageMessage.of(
                                "notice.truncated",
                                String.format(
                                        locale, "%,d", response.extractedText().length())));
            }
            notices(model).addAll(languageNotice(response.extractedText(), lang, locale));
            show(model, response.search(), form, locale);
        } catch (CvFileException refused) {
            model.put("error", PageMessage.of(errorKey(refused.reason())));
        } catch (IndexUnavailableException | EngineClosedException unavailable) {
            model.put("error", PageMessage.of("error.unavailable"));
        }
        return model;
    }

    /** The message for a refused file: what the person can do about it, never the parser's words. */
    private static String errorKey(CvFileException.Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> "error.fileTooLarge";
            case UNSUPPORTED_TYPE -> "error.fileType";
            case EMPTY, UNREADABLE, ENCRYPTED, HOSTILE -> "error.fileUnreadable";
            case NO_TEXT -> "error.fileNoText";
            case TOO_SLOW -> "error.fileTimeout";
            case BUSY -> "error.unavailable";
        };
    }

    /** The search of this page; its text is set by the caller. One more than a page tells whether there are more. */
    private static SearchQuery query(String lang, Map<String, Object> model, CandidateForm form) {
        return new SearchQuery(
                "",
                lang,
                new OfferCriteria(
                        (String) model.get("country"),
                        form.remote(),
                        form.employmentType() == null ? null : Set.of(form.employmentType()),
                        null,
                        null,
                        null),
                PAGE_SIZE + 1,
                form.offset(),
                SearchMode.HYBRID,
                null,
                true);
    }

    private void show(Map<String, Object> model, SearchResponse response, CandidateForm form, Locale locale) {
        int offset = form.offset();
        List<SearchResult> results = response.results();
        List<ResultView> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(PAGE_SIZE, results.size()); i++) {
            shown.add(view(results.get(i), offset + i + 1, locale));
        }
        model.put("searched", true);
        model.put("facets", facets(response.facets(), form));
        model.put("results", shown);
        model.put("offset", offset);
        if (results.size() > PAGE_SIZE && offset + PAGE_SIZE <= SearchQuery.MAX_OFFSET) {
            model.put("nextOffset", offset + PAGE_SIZE);
        }
    }

    /** The remote and employment-type filters with their counts, shown once a search has counted them. */
    private static Map<String, List<FacetOption>> facets(OfferFacets facets, CandidateForm form) {
        if (facets == null) {
            return null;
        }
        return Map.of(
                "remote",
                facets.remote().stream()
                        .map(f -> new FacetOption(
                                f.value().toString(),
                                f.value() ? "offer.remote" : "offer.onSite",
                                f.count(),
                                f.value().equals(form.remote())))
                        .toList(),
                "employmentType",
                facets.employmentType().stream()
                        .map(f -> new FacetOption(
                                f.value().name(),
                                "employment." + f.value().name(),
                                f.count(),
                                f.value() == form.employmentType()))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    static List<PageMessage> notices(Map<String, Object> model) {
        return (List<PageMessage>) model.get("notices");
    }

    /**
     * What to say about the CV's language: nothing when it is the page's, an offer to switch when it is another
     * (a link when a page exists in that language), a note when the detector is unsure.
     */
    private List<PageMessage> languageNotice(String text, String lang, Locale locale) {
        LanguageGuess guess;
        try {
            guess = languages.require(text);
        } catch (LanguageNotDetectedException unsure) {
            return List.of(PageMessage.of(
                    "notice.languageUnsure", Locale.forLanguageTag(lang).getDisplayLanguage(locale)));
        }
        if (guess.language().equals(lang)) {
            return List.of();
        }
        String name = Locale.forLanguageTag(guess.language()).getDisplayLanguage(locale);
        return List.of(
                pageLanguages.locale(guess.language()).isPresent()
                        ? PageMessage.of("notice.otherLanguage", name, guess.language())
                        : PageMessage.of(
                                "notice.otherLanguageNoPage",
                                name,
                                Locale.forLanguageTag(lang).getDisplayLanguage(locale)));
    }

    private ResultView view(SearchResult result, int rank, Locale locale) {
        String language = result.offer().language();
        List<String> matched = Objects.requireNonNullElse(result.matchedTerms(), List.of());
        List<List<MarkedText.Piece>> highlights = result.highlights() == null
                ? List.of()
                : result.highlights().stream()
                        .map(h -> marks.mark(h.text(), matched, language))
                        .toList();
        return new ResultView(rank, OfferView.of(result.offer(), locale), highlights, matched);
    }

    private List<CountryOption> countries(String lang, String selected, Locale locale) {
        return offers.countriesWithOpenOffers(lang).stream()
                .map(c -> new CountryOption(
                        c.country(),
                        OfferView.countryName(c.country(), locale),
                        c.count(),
                        c.country().equals(selected)))
                .toList();
    }
}
