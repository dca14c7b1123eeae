/**
 * Job offers, the system of record in PostgreSQL: validation of incoming offers, upsert by (source, externalId),
 * reads, deletes, the recruiters' listing (words and filters, keyset pages) and the per-language country list. Entry point: {@link io.jobmatch.offers.OfferService}; it
 * announces every change with {@link io.jobmatch.offers.OffersChanged}, inside the write's transaction, so derived data
 * can follow.
 */
package io.jobmatch.offers;
