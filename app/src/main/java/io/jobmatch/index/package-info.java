/**
 * The vector index in Qdrant, derived from PostgreSQL and rebuildable from it: collection bootstrap with payload
 * indexes, upserts after every committed change, the backlog of what is not indexed yet and its retries, and vector
 * queries. Offers are read through {@link io.jobmatch.offers.OfferService}, never the offers' store.
 *
 * <p>The service reads and writes through a Qdrant alias over one generation of the collection
 * ({@link io.jobmatch.index.CollectionNames}); {@link io.jobmatch.index.Reindexer} builds the next generation from
 * PostgreSQL while the alias serves the current one ({@code POST /api/index/reindex}, or a model or layout change at
 * startup), {@link io.jobmatch.index.IndexRouting} sends live writes to both meanwhile, and
 * {@link io.jobmatch.index.CollectionGenerations} moves the alias and deletes what is no longer served. Commands (eval,
 * benches) address their model's collection by name, without alias.
 * Entry point: {@link io.jobmatch.index.OfferIndexer} (writes); {@link io.jobmatch.index.OfferIndex} answers queries;
 * {@link io.jobmatch.index.Reindexer} rebuilds.
 */
package io.jobmatch.index;
