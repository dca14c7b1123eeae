package io.jobmatch.eval;

import java.util.Map;

/**
 * One query with its judged documents.
 *
 * @param relevant document id to grade, only grades above 0 (TREC: relevant)
 */
public record EvalQuery(String id, String language, String text, Map<String, Integer> relevant) {}
