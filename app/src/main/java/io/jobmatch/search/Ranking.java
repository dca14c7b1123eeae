package io.jobmatch.search;

import io.jobmatch.embeddings.TextEmbedding;
import io.jobmatch.index.IndexHit;
import io.jobmatch.keywords.KeywordQuery;
import java.util.List;

/**
 * Ranked offer ids for a query, with what was computed from the query on the way.
 *
 * @param embedding the query's embedding, or null when the mode did not need it (keyword)
 * @param keywords  the query's analysed keywords (cheap, so always computed)
 */
public record Ranking(List<IndexHit> hits, TextEmbedding embedding, KeywordQuery keywords) {}
