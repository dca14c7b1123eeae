package io.jobmatch.feeds;

/** What is wrong with a row: the field, by its JSON path ({@code $} for the row as a whole), and the message. */
public record RowError(String field, String message) {}
