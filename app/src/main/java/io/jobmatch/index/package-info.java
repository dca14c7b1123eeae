/**
 * The vector index in Qdrant, derived from PostgreSQL and rebuildable from it: collection bootstrap with payload
 * indexes, upserts after every committed change, the backlog of what is not indexed yet and its retries, and vector
 * queries. Offers are read through {@link io.jobmatch.offers.OfferService}, never the offers' store.
 * Entry point: {@link io.jobmatch.index.OfferIndexer} (writes); {@link io.jobmatch.index.OfferIndex} answers queries.
 */
package io.jobmatch.index;
