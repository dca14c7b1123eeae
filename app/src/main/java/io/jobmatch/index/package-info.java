/**
 * The vector index in Qdrant, derived from PostgreSQL and rebuildable from it: collection bootstrap with payload
 * indexes, the durable indexing queue and its workers, and vector queries. Every offer write queues a task per offer
 * ({@link io.jobmatch.index.IndexQueue}, table {@code index_task}) in the write's own transaction, through the
 * {@link io.jobmatch.offers.OffersChanged} event; a newer write of the same offer coalesces into its task. Workers
 * ({@link io.jobmatch.index.IndexPipeline}) claim due tasks in batches with {@code FOR UPDATE SKIP LOCKED} and a
 * renewed lease, safe with several replicas on one database; each batch is embedded in one
 * {@link io.jobmatch.index.OfferVectors#compute} call and upserted in one Qdrant call while the next batch is read and
 * the previous one acknowledged; a task is removed only once Qdrant acknowledged that version. Failed attempts back
 * off exponentially and end as failed tasks until {@code POST /api/index/retry-failed}
 * ({@link io.jobmatch.index.IndexController}, with {@code GET /api/index/status}). Offers are read through
 * {@link io.jobmatch.offers.OfferService}, never the offers' store.
 * Entry point: {@link io.jobmatch.index.OfferIndexer} (writes); {@link io.jobmatch.index.OfferIndex} answers queries.
 */
package io.jobmatch.index;
