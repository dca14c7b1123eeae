package io.jobmatch.pages;

/**
 * A value of a search filter with how many offers it would give (the search's facets), as a select option.
 *
 * @param value    what the form sends ({@code true}, {@code FULL_TIME}...)
 * @param labelKey the message key of its label
 * @param count    open offers in the page's language matching every other filter with this value
 */
public record FacetOption(String value, String labelKey, long count, boolean selected) {}
