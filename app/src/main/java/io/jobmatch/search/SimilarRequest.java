package io.jobmatch.search;

import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.validation.CountryCode;
import io.jobmatch.validation.LanguageCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query string of "offers like this one" ({@code GET /api/offers/{id}/similar}). The filters mean what they mean
 * in {@code POST /api/search} and combine with AND.
 *
 * @param language        ISO 639-1 language of the offers to return; any language when absent
 * @param includeClosed   whether closed offers (past roles) are returned too (default false)
 * @param limit           results per page, 1 to 100 (default 10)
 * @param offset          results to skip, 0 to 1,000 (default 0)
 * @param country         ISO 3166-1 alpha-2 country of the offers to return; any country when absent
 * @param remote          only offers whose {@code remote} flag is this
 * @param employmentTypes only offers of one of these employment types (repeat the parameter, or separate with commas)
 * @param postedAfter     only offers posted on or after this day ({@code YYYY-MM-DD})
 * @param city            only offers in this city, compared ignoring case and accents
 */
@Introspected
public record SimilarRequest(
        @Nullable @QueryValue @LanguageCode String language,

        // Flags are strings checked here: Micronaut's own boolean conversion reads "yes" or "on" as true, where a typo
        // should be a 400 naming the parameter.
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
        Integer offset,

        @Nullable @QueryValue @CountryCode String country,

        @Nullable
        @QueryValue
        @Pattern(regexp = "(?i)true|false", message = "must be true or false")
        @Schema(type = "boolean")
        String remote,

        @Nullable @QueryValue List<EmploymentType> employmentTypes,
        @Nullable @QueryValue LocalDate postedAfter,

        @Nullable @QueryValue @Size(max = 120, message = "must be at most {max} characters")
        String city) {

    SimilarQuery toQuery() {
        return new SimilarQuery(
                language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT),
                Boolean.parseBoolean(includeClosed),
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset,
                new OfferCriteria(
                        country == null || country.isBlank() ? null : country.strip(),
                        remote == null ? null : Boolean.parseBoolean(remote),
                        employmentTypes == null ? null : Set.copyOf(employmentTypes),
                        postedAfter,
                        city == null || city.isBlank() ? null : city,
                        null));
    }
}
