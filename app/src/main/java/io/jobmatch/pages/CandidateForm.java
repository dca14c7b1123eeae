package io.jobmatch.pages;

/**
 * What the candidate page's form sent, read leniently: a page answers any input with a page, never a bare 400.
 *
 * @param text    the pasted (or extracted) CV, possibly blank
 * @param country an ISO 3166-1 alpha-2 code, or null for all countries
 * @param offset  how many results to skip, 0 and up
 */
record CandidateForm(String text, String country, int offset) {}
