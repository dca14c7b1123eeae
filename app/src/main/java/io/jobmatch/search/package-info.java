/**
 * "Jobs like my CV" and "offers like this one": embeds the query, asks the vector index with the language and status
 * filters and the searcher's criteria, returns the offers from PostgreSQL (optionally a few per company) and the
 * facets of what matched, with where the time went ({@link io.jobmatch.search.SearchTimings}, the {@code Server-Timing}
 * header and the search metrics). Entry point: {@link io.jobmatch.search.SearchService}.
 */
package io.jobmatch.search;
