package io.jobmatch.search;

/** Parameters of "offers like this one"; {@code language} null means any language. */
public record SimilarQuery(String language, boolean includeClosed, int limit, int offset) {}
