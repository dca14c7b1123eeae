/**
 * Offer files in, through the HTTP API ({@code ./jobmatch import}): NDJSON, JSON arrays, CSV, schema.org JobPosting
 * JSON-LD and HTML pages carrying it, each possibly gzipped, read as streams row by row and sent in chunks to
 * {@code POST /api/offers/bulk}. A pure client: it knows the service only by its URL and API key. Entry point:
 * {@link io.jobmatch.feeds.FeedImport}.
 */
package io.jobmatch.feeds;
