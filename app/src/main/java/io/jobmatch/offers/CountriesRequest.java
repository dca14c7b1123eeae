package io.jobmatch.offers;

import io.jobmatch.validation.LanguageCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;

/**
 * The query string of {@code GET /api/countries}.
 *
 * @param language ISO 639-1 language whose offers are counted (required)
 */
@Introspected
public record CountriesRequest(
        @Nullable @QueryValue @NotBlank(message = "is required") @LanguageCode
        String language) {

    String code() {
        return language.strip().toLowerCase(Locale.ROOT);
    }
}
