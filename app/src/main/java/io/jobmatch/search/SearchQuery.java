package io.jobmatch.search;

/** A validated "jobs like my CV" query; {@code language} null means "detect it from the text". */
public record SearchQuery(String text, String language, String country, int limit, int offset, SearchMode mode) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000;
    public static final int DEFAULT_LIMIT = 10;
}
