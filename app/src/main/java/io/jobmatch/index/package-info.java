/**
 * The vector index in Qdrant, derived from PostgreSQL and rebuildable from it: collection bootstrap with payload
 * indexes, upserts after every committed change, retries of what could not be indexed, and vector queries.
 * Entry point: {@link io.jobmatch.index.OfferIndexer} (writes); {@link io.jobmatch.index.OfferIndex} answers queries.
 */
package io.jobmatch.index;
