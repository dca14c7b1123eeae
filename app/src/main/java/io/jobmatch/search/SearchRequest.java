package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.validation.CountryCode;
import io.jobmatch.validation.JsonRequest;
import io.jobmatch.validation.LanguageCode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * "Jobs like my CV" ({@code POST /api/search}).
 *
 * @param text     the CV or search text, read whole (long texts in several model windows)
 * @param language ISO 639-1 language of the offers to return; when absent, the CV's detected language
 * @param country  ISO 3166-1 alpha-2 country of the offers to return; any country when absent
 * @param limit    results per page, 1 to 100 (default 10)
 * @param offset   results to skip, 0 to 1,000 (default 0)
 * @param mode     {@code hybrid} (default), {@code dense} or {@code keyword}
 */
@Serdeable
@JsonRequest
public record SearchRequest(
        @NotBlank(message = "is required")
        @Size(max = EmbeddingEngine.MAX_TEXT_CHARS, message = "must be at most {max} characters")
        String text,

        @LanguageCode String language,
        @CountryCode String country,

        @Min(value = 1, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Max(value = SearchQuery.MAX_LIMIT, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
        @Schema(defaultValue = "10")
        Integer limit,

        @Min(value = 0, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Max(value = SearchQuery.MAX_OFFSET, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
        @Schema(defaultValue = "0")
        Integer offset,

        @Schema(defaultValue = "hybrid") SearchMode mode) {

    SearchQuery toQuery() {
        return new SearchQuery(
                text,
                language == null ? null : language.toLowerCase(Locale.ROOT),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset,
                mode == null ? SearchMode.HYBRID : mode);
    }
}
