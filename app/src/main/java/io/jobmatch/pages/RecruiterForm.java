package io.jobmatch.pages;

import java.util.UUID;

/**
 * The recruiter page's query string, read leniently (a page answers any input with a page).
 *
 * @param q               words to find in titles, companies and descriptions
 * @param language        ISO 639-1 language of the listed offers, or null for all
 * @param status          OPEN, CLOSED, or null for both
 * @param source          the feed, or null for all
 * @param cursor          where the previous page of the listing ended, or null
 * @param offer           the offer whose similar roles are shown, or null for the listing
 * @param hideClosed      whether closed offers are left out of the similar roles (they are shown by default)
 * @param similarLanguage ISO 639-1 language of the similar roles, or null for all languages
 */
record RecruiterForm(
        String q,
        String language,
        String status,
        String source,
        String cursor,
        UUID offer,
        boolean hideClosed,
        String similarLanguage) {}
