package io.jobmatch.pages;

/**
 * An entry of the country list: the ISO code is the value sent, the name is in the page's language.
 *
 * @param count open offers in the page's language
 */
public record CountryOption(String code, String name, long count, boolean selected) {}
