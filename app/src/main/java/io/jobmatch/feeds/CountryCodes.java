package io.jobmatch.feeds;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JobPosting's {@code addressCountry} as the ISO 3166-1 alpha-2 code offers hold: schema.org recommends that code,
 * but feeds also write alpha-3 codes and English names. Anything else is sent as it is, for the service to refuse.
 */
final class CountryCodes {

    private static final Map<String, String> ALPHA2 = alpha2ByAlpha3AndName();

    private CountryCodes() {}

    static String alpha2(String country) {
        String value = country.strip();
        if (value.length() == 2) {
            return value.toUpperCase(Locale.ROOT);
        }
        return ALPHA2.getOrDefault(value.toUpperCase(Locale.ROOT), value);
    }

    private static Map<String, String> alpha2ByAlpha3AndName() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            codes.put(country.getISO3Country(), code);
            codes.put(country.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), code);
        }
        return Map.copyOf(codes);
    }
}
