package io.jobmatch.search;

import io.jobmatch.offers.OfferCriteria;

/**
 * A validated "jobs like my CV" query; {@code language} null means "detect it from the text", {@code maxPerCompany}
 * null means no limit per company; {@code collapseDuplicates} folds the postings of one job into the best ranked.
 */
public record SearchQuery(
        String text,
        String language,
        OfferCriteria criteria,
        int limit,
        int offset,
        SearchMode mode,
        Integer maxPerCompany,
        boolean collapseDuplicates) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_PER_COMPANY = 100;

    /** The same query for another text: a CV file's, known only once the file is read. */
    public SearchQuery withText(String newText) {
        return new SearchQuery(newText, language, criteria, limit, offset, mode, maxPerCompany, collapseDuplicates);
    }
}
