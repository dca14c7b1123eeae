package io.jobmatch.pages;

import io.jobmatch.offers.EmploymentType;

/**
 * What the candidate page's form sent, read leniently: a page answers any input with a page, never a bare 400.
 *
 * @param text           the pasted CV, possibly blank
 * @param country        an ISO 3166-1 alpha-2 code, or null for all countries
 * @param offset         how many results to skip, 0 and up
 * @param remote         only remote (true) or on-site (false) offers, or null for both
 * @param employmentType only offers of this type, or null for all
 */
record CandidateForm(String text, String country, int offset, Boolean remote, EmploymentType employmentType) {

    static CandidateForm empty() {
        return new CandidateForm("", null, 0, null, null);
    }
}
