/**
 * Keyword side of retrieval: language-aware analysis (Lucene's per-language stemming and stop words, a plain
 * lower-casing analyzer for other languages) and the BM25-weighted sparse vectors Qdrant scores with its IDF
 * modifier. Offers are analysed in their own language, queries in the requested one.
 * Entry point: {@link io.jobmatch.keywords.Keywords}.
 */
package io.jobmatch.keywords;
