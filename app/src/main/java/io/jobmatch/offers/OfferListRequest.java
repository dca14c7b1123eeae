package io.jobmatch.offers;

import io.jobmatch.validation.LanguageCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The query string of the offer listing ({@code GET /api/offers}): recruiters finding offers, closed ones included.
 *
 * @param q        words that must each occur in the title, company or description, ignoring case (parts of words
 *                 count: {@code java} finds {@code JavaScript}); offers whose title holds more of them come first;
 *                 without words, newest first
 * @param language ISO 639-1 language of the offers; any when absent
 * @param status   {@code OPEN} or {@code CLOSED}; both when absent
 * @param source   the feed the offers come from; any when absent
 * @param limit    offers per page, 1 to 100 (default 20)
 * @param cursor   {@code nextCursor} of the previous page, for the next one
 */
@Introspected
public record OfferListRequest(
        @Nullable @QueryValue @Size(max = 200, message = "must be at most {max} characters")
        String q,

        @Nullable @QueryValue @LanguageCode String language,

        @Nullable
        @QueryValue
        @Pattern(regexp = "(?i)(OPEN|CLOSED)?", message = "must be OPEN or CLOSED")
        @Schema(allowableValues = {"OPEN", "CLOSED"})
        String status,

        @Nullable
        @QueryValue
        @Size(max = 64, message = "must be at most {max} characters")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may only contain letters, digits, '.', '_' and '-'")
        String source,

        @Nullable
        @QueryValue
        @Min(value = 1, message = "must be between 1 and " + OfferListing.MAX_LIMIT)
        @Max(value = OfferListing.MAX_LIMIT, message = "must be between 1 and " + OfferListing.MAX_LIMIT)
        @Schema(defaultValue = "20")
        Integer limit,

        @Nullable @QueryValue @Size(max = 200, message = "must be at most {max} characters")
        String cursor) {

    OfferListing toListing() {
        OfferCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = OfferCursor.decode(cursor.strip()).orElseThrow(InvalidCursorException::new);
        }
        return new OfferListing(
                q == null || q.isBlank()
                        ? List.of()
                        : Arrays.stream(q.strip().split("[\\s\\p{Z}]+"))
                                .distinct()
                                .toList(),
                language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT),
                status == null || status.isBlank()
                        ? null
                        : OfferStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)),
                source == null || source.isBlank() ? null : source.strip(),
                limit == null ? OfferListing.DEFAULT_LIMIT : limit,
                after);
    }
}
