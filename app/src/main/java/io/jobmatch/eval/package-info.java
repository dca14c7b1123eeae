/**
 * Offline evaluation of ranking quality on a public relevance dataset (corpus, queries, TREC qrels): indexes the
 * corpus into a throw-away collection, ranks every query through the same code as {@code POST /api/search}, and
 * reports MRR@10, nDCG@10, Recall@1, Recall@10, language purity and queries/s per language and macro-averaged.
 * Entry point: {@link io.jobmatch.eval.Evaluation}; the command is {@code ./jobmatch eval}.
 */
package io.jobmatch.eval;
