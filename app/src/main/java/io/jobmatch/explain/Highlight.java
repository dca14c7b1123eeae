package io.jobmatch.explain;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A passage of an offer's description that matches the query.
 *
 * @param similarity cosine similarity of passage and query embeddings (-1..1, higher is closer)
 */
@Serdeable
public record Highlight(String text, double similarity) {}
