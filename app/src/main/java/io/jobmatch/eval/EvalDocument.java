package io.jobmatch.eval;

/** One corpus line: {@code id}, {@code lang}, {@code title}, {@code text}. */
public record EvalDocument(String id, String language, String title, String text) {}
