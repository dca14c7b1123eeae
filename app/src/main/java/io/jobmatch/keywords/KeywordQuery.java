package io.jobmatch.keywords;

/** A query's keywords: its analysed terms (to tell which an offer contains) and its sparse vector (to search with). */
public record KeywordQuery(AnalyzedText terms, KeywordVector vector) {}
