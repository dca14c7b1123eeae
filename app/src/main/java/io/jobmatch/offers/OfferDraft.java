package io.jobmatch.offers;

import java.time.LocalDate;

/**
 * A validated offer as a client sent it, before it is stored (no id, no timestamps). {@code languageConfidence} is
 * null when the client gave the language, the detector's confidence when it was detected.
 */
public record OfferDraft(
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
        OfferStatus status) {

    public OfferDraft withLanguage(String detected, double confidence) {
        return new OfferDraft(
                source,
                externalId,
                title,
                description,
                detected,
                confidence,
                country,
                city,
                company,
                employmentType,
                remote,
                salary,
                datePosted,
                validThrough,
                url,
                status);
    }

    /** The text language detection reads when no language was given. */
    public String detectableText() {
        return title + "\n" + description;
    }
}
