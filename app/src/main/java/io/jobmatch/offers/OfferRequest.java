package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.jobmatch.validation.CountryCode;
import io.jobmatch.validation.HttpUrl;
import io.jobmatch.validation.JsonRequest;
import io.jobmatch.validation.LanguageCode;
import io.jobmatch.validation.NotBefore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One offer as a client sends it ({@code POST /api/offers}, each bulk item, each sample). Field names follow
 * schema.org JobPosting; strings are trimmed and codes accepted in any case. The read-only fields of a stored offer
 * may be sent back unchanged and are ignored.
 *
 * @param source         the feed the offer comes from; with {@code externalId}, the upsert key (default {@code default})
 * @param externalId     the offer's id in its feed
 * @param title          the job title
 * @param description    the offer text; with the title it must fit the model's 20,000-character input
 * @param language       ISO 639-1; detected from title and description when absent
 * @param country        ISO 3166-1 alpha-2
 * @param city           the city, as written in the offer
 * @param company        the hiring organisation
 * @param employmentType schema.org employment type
 * @param remote         whether the job can be done remotely
 * @param salary         the salary range
 * @param datePosted     the day the offer was published
 * @param validThrough   the last day the offer is open, not before {@code datePosted}
 * @param url            where the offer is published
 * @param status         {@code OPEN} (default) or {@code CLOSED}
 */
@Serdeable
@JsonRequest
@JsonIgnoreProperties({"id", "languageConfidence", "createdAt", "updatedAt"})
@NotBefore(field = "validThrough", start = "datePosted")
public record OfferRequest(
        @Size(max = 64, message = "must be at most {max} characters")
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may only contain letters, digits, '.', '_' and '-'")
        @Schema(defaultValue = DEFAULT_SOURCE)
        @Nullable
        String source,

        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most {max} characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String externalId,

        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most {max} characters")
        String title,

        @NotBlank(message = "is required") @Size(max = 19_000, message = "must be at most {max} characters")
        String description,

        @LanguageCode @Nullable String language,
        @CountryCode @Nullable String country,

        @Size(max = 120, message = "must be at most {max} characters") @Nullable
        String city,

        @Size(max = 200, message = "must be at most {max} characters") @Nullable
        String company,

        @Nullable EmploymentType employmentType,
        @Nullable Boolean remote,
        @Valid @Nullable SalaryRequest salary,
        @Nullable LocalDate datePosted,
        @Nullable LocalDate validThrough,

        @Size(max = 2_000, message = "must be at most {max} characters") @HttpUrl @Nullable
        String url,

        @Schema(defaultValue = "OPEN") @Nullable OfferStatus status) {

    public static final String DEFAULT_SOURCE = "default";

    /** The draft to store, codes normalised; its language is null when the client gave none. */
    public OfferDraft toDraft() {
        return new OfferDraft(
                source == null ? DEFAULT_SOURCE : source,
                externalId,
                title,
                description,
                language == null ? null : language.toLowerCase(Locale.ROOT),
                null,
                country == null ? null : country.toUpperCase(Locale.ROOT),
                city,
                company,
                employmentType,
                remote,
                salary == null ? null : salary.toSalary(),
                datePosted,
                validThrough,
                url,
                status == null ? OfferStatus.OPEN : status);
    }
}
