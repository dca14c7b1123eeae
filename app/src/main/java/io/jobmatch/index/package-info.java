/**
 * The vector index in Qdrant, derived from PostgreSQL and rebuildable from it: collection bootstrap with payload
 * indexes, the durable indexing queue and its workers, rebuilds behind an alias, and vector queries.
 *
 * <p>Every offer write queues a task per offer ({@link io.jobmatch.index.IndexQueue}, table {@code index_task}) in the
 * write's own transaction, through the {@link io.jobmatch.offers.OffersChanged} event; a newer write of the same offer
 * coalesces into its task. Workers ({@link io.jobmatch.index.IndexPipeline}) claim due tasks in batches with
 * {@code FOR UPDATE SKIP LOCKED} and a renewed lease, safe with several replicas on one database; each batch is
 * embedded in one {@link io.jobmatch.index.OfferVectors#compute} call and upserted in one Qdrant call while the next
 * batch is read and the previous one acknowledged; a task is removed only once Qdrant acknowledged that version.
 * Failed attempts back off exponentially and end as failed tasks until {@code POST /api/index/retry-failed}
 * ({@link io.jobmatch.index.IndexController}, with {@code GET /api/index/status}).
 *
 * <p>The service reads and writes through a Qdrant alias over one generation of the collection
 * ({@link io.jobmatch.index.CollectionNames}); {@link io.jobmatch.index.Reindexer} builds the next generation from
 * PostgreSQL while the alias serves the current one ({@code POST /api/index/reindex}, or a model or layout change at
 * startup), {@link io.jobmatch.index.IndexRouting} sends live writes to both meanwhile, and
 * {@link io.jobmatch.index.CollectionGenerations} moves the alias and deletes what is no longer served. Commands (eval,
 * benches) address their model's collection by name, without alias. Offers are read through
 * {@link io.jobmatch.offers.OfferService}, never the offers' store.
 *
 * <p>Entry point: {@link io.jobmatch.index.OfferIndexer} (writes); {@link io.jobmatch.index.OfferIndex} answers
 * queries; {@link io.jobmatch.index.Reindexer} rebuilds.
 */
package io.jobmatch.index;
