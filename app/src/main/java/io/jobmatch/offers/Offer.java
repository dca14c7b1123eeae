package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored job offer; field names follow schema.org JobPosting where it has one. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(UUID id, String source, String externalId, String title, String description, String language,
                    String country, String city, String company, EmploymentType employmentType, Boolean remote,
                    Salary salary, LocalDate datePosted, LocalDate validThrough, String url, OfferStatus status,
                    Instant createdAt, Instant updatedAt) {

    /** The text a model embeds for this offer: the title carries the occupation, the description the detail. */
    public String searchableText() {
        return title + "\n" + description;
    }
}
