package io.jobmatch.keywords;

/**
 * A query's keywords: its analysed terms (to tell which an offer contains) and its sparse vector (to search with).
 *
 * @param language the language the query was analysed in
 */
public record KeywordQuery(String language, AnalyzedText terms, KeywordVector vector) {
}
