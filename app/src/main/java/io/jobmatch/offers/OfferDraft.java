package io.jobmatch.offers;

import java.time.LocalDate;

/** A validated offer as a client sent it, before it is stored (no id, no timestamps). */
public record OfferDraft(String source, String externalId, String title, String description, String language,
                         String country, String city, String company, EmploymentType employmentType, Boolean remote,
                         Salary salary, LocalDate datePosted, LocalDate validThrough, String url, OfferStatus status) {
}
