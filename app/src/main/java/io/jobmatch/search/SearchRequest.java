package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.validation.CountryCode;
import io.jobmatch.validation.JsonRequest;
import io.jobmatch.validation.LanguageCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Jobs like my CV" ({@code POST /api/search}). The filters combine with AND and are applied inside the index, so a
 * page is full whenever enough offers match.
 *
 * @param text            the CV or search text, read whole (long texts in several model windows)
 * @param language        ISO 639-1 language of the offers to return; when absent, the CV's detected language
 * @param country         ISO 3166-1 alpha-2 country of the offers to return; any country when absent
 * @param limit           results per page, 1 to 100 (default 10)
 * @param offset          results to skip, 0 to 1,000 (default 0)
 * @param mode            {@code hybrid} (default), {@code dense} or {@code keyword}
 * @param remote          only offers whose {@code remote} flag is this (offers without the flag match neither)
 * @param employmentTypes only offers of one of these employment types
 * @param postedAfter     only offers posted on or after this day ({@code YYYY-MM-DD}); offers without
 *                        {@code datePosted} do not match
 * @param city            only offers in this city, compared ignoring case and accents ({@code munster} finds
 *                        {@code Münster})
 * @param minSalary       only offers paying at least this, in the same currency
 * @param maxPerCompany   at most this many results per company, 1 to 100 (company names compared ignoring case);
 *                        offers without a company are never limited; the order of what is kept does not change
 * @param collapseDuplicates whether postings of one job (same company, nearly the same title and text: reposts, or
 *                        one offer from two feeds) show once, as the best ranked of them, which lists the others in
 *                        {@code duplicateIds} and counts them in {@code duplicates} (default {@code true}); folded
 *                        postings do not count toward {@code maxPerCompany}
 */
@Serdeable
@JsonRequest
public record SearchRequest(
        @NotBlank(message = "is required")
        @Size(max = EmbeddingEngine.MAX_TEXT_CHARS, message = "must be at most {max} characters")
        String text,

        @LanguageCode @Nullable String language,
        @CountryCode @Nullable String country,

        @Min(value = 1, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Max(value = SearchQuery.MAX_LIMIT, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Schema(defaultValue = "10")
        @Nullable
        Integer limit,

        @Min(value = 0, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Max(value = SearchQuery.MAX_OFFSET, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Schema(defaultValue = "0")
        @Nullable
        Integer offset,

        @Schema(defaultValue = "hybrid") @Nullable SearchMode mode,
        @Nullable Boolean remote,
        @Nullable List<EmploymentType> employmentTypes,
        @Nullable LocalDate postedAfter,

        @Size(max = 120, message = "must be at most {max} characters") @Nullable
        String city,

        @Valid @Nullable MinSalaryRequest minSalary,

        @Min(value = 1, message = "must be between 1 and " + SearchQuery.MAX_PER_COMPANY)
        @Max(value = SearchQuery.MAX_PER_COMPANY, message = "must be between 1 and " + SearchQuery.MAX_PER_COMPANY)
        @Nullable
        Integer maxPerCompany,

        @Schema(defaultValue = "true") @Nullable Boolean collapseDuplicates) {

    SearchQuery toQuery() {
        return new SearchQuery(
                text,
                language == null ? null : language.toLowerCase(Locale.ROOT),
                new OfferCriteria(
                        country,
                        remote,
                        employmentTypes == null ? null : Set.copyOf(employmentTypes),
                        postedAfter,
                        city,
                        minSalary == null ? null : minSalary.toMinimum()),
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset,
                mode == null ? SearchMode.HYBRID : mode,
                maxPerCompany,
                collapseDuplicates == null || collapseDuplicates);
    }
}
