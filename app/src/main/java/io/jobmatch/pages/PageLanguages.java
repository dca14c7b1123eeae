package io.jobmatch.pages;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the pages are translated into (a resource bundle each, {@code i18n/pages_xx.properties}). A page's
 * language is also the language of the offers it shows.
 */
@Singleton
public class PageLanguages {

    static final String FALLBACK = "en";
    private static final List<String> CODES = List.of("en", "fr", "de", "es");

    public List<String> codes() {
        return CODES;
    }

    /** The page locale of a path segment such as {@code fr}; empty for anything else. */
    public Optional<Locale> locale(String code) {
        return CODES.contains(code) ? Optional.of(Locale.forLanguageTag(code)) : Optional.empty();
    }

    /** The page language that best matches an {@code Accept-Language} header, {@link #FALLBACK} when none does. */
    public String bestFor(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FALLBACK;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), CODES);
            return match == null ? FALLBACK : match;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }
}
