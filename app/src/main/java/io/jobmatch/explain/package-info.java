/**
 * Why an offer matched a query: its best passages by similarity to the query (from passage embeddings stored at
 * indexing, so no model call per result) and the query words it contains once both are analysed.
 * Entry point: {@link io.jobmatch.explain.MatchExplainer}.
 */
package io.jobmatch.explain;
