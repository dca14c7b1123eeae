package io.jobmatch.search;

import io.jobmatch.validation.LanguageCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * The query string of "offers like this one" ({@code GET /api/offers/{id}/similar}).
 *
 * @param language      ISO 639-1 language of the offers to return; any language when absent
 * @param includeClosed whether closed offers (past roles) are returned too (default false)
 * @param limit         results per page, 1 to 100 (default 10)
 * @param offset        results to skip, 0 to 1,000 (default 0)
 */
@Introspected
public record SimilarRequest(
        @Nullable @QueryValue @LanguageCode String language,

        // A string checked here: Micronaut's own boolean conversion reads "yes" or "on" as true, where a typo should
        // be a 400 naming the parameter.
        @Nullable
        @QueryValue
        @Pattern(regexp = "(?i)true|false", message = "must be true or false")
        @Schema(type = "boolean", defaultValue = "false")
        String includeClosed,

        @Nullable
        @QueryValue
        @Min(value = 1, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Max(value = SearchQuery.MAX_LIMIT, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Schema(defaultValue = "10")
        Integer limit,

        @Nullable
        @QueryValue
        @Min(value = 0, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Max(value = SearchQuery.MAX_OFFSET, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Schema(defaultValue = "0")
        Integer offset) {

    SimilarQuery toQuery() {
        return new SimilarQuery(
                language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT),
                Boolean.parseBoolean(includeClosed),
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset);
    }
}
