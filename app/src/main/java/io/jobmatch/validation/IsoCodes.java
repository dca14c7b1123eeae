package io.jobmatch.validation;

import java.util.Locale;
import java.util.Set;

/** The ISO 639-1 language and ISO 3166-1 alpha-2 country codes the JDK knows; offers and filters must use them. */
final class IsoCodes {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private IsoCodes() {}

    /** The lower-case language code, or null when {@code code} is not an ISO 639-1 code. */
    static String language(String code) {
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        return normalised.length() == 2 && LANGUAGES.contains(normalised) ? normalised : null;
    }

    /** The upper-case country code, or null when {@code code} is not an ISO 3166-1 alpha-2 code. */
    static String country(String code) {
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        return normalised.length() == 2 && COUNTRIES.contains(normalised) ? normalised : null;
    }
}
