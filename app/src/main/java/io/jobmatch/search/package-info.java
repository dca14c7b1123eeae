/**
 * "Jobs like my CV" and "offers like this one": embeds the query, asks the vector index with the language, country
 * and status filters, and returns the offers from PostgreSQL. Entry point: {@link io.jobmatch.search.SearchService}.
 */
package io.jobmatch.search;
