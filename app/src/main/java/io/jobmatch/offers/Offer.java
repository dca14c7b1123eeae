package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored job offer; field names follow schema.org JobPosting where it has one. {@code languageConfidence} is set
 * only when the language was detected rather than given.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(
        UUID id,
        String source,
        String externalId,
        String title,
        String description,
        String language,
        Double languageConfidence,
        String country,
        String city,
        String company,
        EmploymentType employmentType,
        Boolean remote,
        Salary salary,
        LocalDate datePosted,
        LocalDate validThrough,
        String url,
        OfferStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * An open offer with nothing but its text: what the eval and the benchmarks index, where only title, description
     * and language are embedded and the other fields do not matter.
     */
    public static Offer textOnly(
            UUID id, String source, String externalId, String title, String description, String language, Instant at) {
        return new Offer(
                id,
                source,
                externalId,
                title,
                description,
                language,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                OfferStatus.OPEN,
                at,
                at);
    }

    /** The text a model embeds for this offer: the title carries the occupation, the description the detail. */
    public String searchableText() {
        return title + "\n" + description;
    }
}
