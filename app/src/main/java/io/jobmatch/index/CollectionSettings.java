package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the offers' collection is laid out and searched in Qdrant. The defaults suit one machine and a board of up to a
 * few hundred thousand offers; docs/scaling.md measures the settings for a million and more, and for a cluster.
 * Layout settings apply when the collection is created (a new model or layout creates it); search settings apply at
 * once.
 *
 * @param shards                  shards of the collection: at least the number of Qdrant nodes in a cluster
 * @param replicationFactor       copies of each shard; 2 keeps every shard served with one node down
 * @param writeConsistencyFactor  replicas that must acknowledge a write; 1 lets writes land with a replica down
 * @param quantized               whether dense vectors also get an int8 (scalar) copy kept in RAM, searched first and
 *                                rescored with the originals: a quarter of the memory, faster graph search
 * @param oversampling            with {@code quantized}, how many more candidates the int8 search reads before the
 *                                originals rescore them
 * @param vectorsOnDisk           whether the original dense vectors stay on disk (memory-mapped), read only to
 *                                rescore; sensible with {@code quantized}
 * @param payloadOnDisk           whether payloads stay on disk; filters read the payload indexes, which stay in RAM
 * @param hnswM                   edges per node of the dense HNSW graph
 * @param hnswEfConstruct         neighbours considered while building the graph
 * @param hnswEf                  neighbours considered while searching; 0 leaves Qdrant's default (the limit, at
 *                                least 100 for a hybrid query's candidates)
 * @param indexingThresholdKb     segment size past which Qdrant builds its indexes; bulk loads set it to 0 (off)
 *                                while they run and back to this value after
 * @param writeOrdering           {@code weak}, {@code medium} or {@code strong}: in a cluster, whether writes go
 *                                through a shard's leader, so that the replicas apply two writes of one offer in the
 *                                same order ({@code medium}: a leader elected anew when one is down)
 */
@ConfigurationProperties("jobmatch.qdrant.collection")
public record CollectionSettings(
        @Bindable(defaultValue = "1") int shards,
        @Bindable(defaultValue = "1") int replicationFactor,
        @Bindable(defaultValue = "1") int writeConsistencyFactor,
        @Bindable(defaultValue = "false") boolean quantized,
        @Bindable(defaultValue = "2.0") double oversampling,
        @Bindable(defaultValue = "false") boolean vectorsOnDisk,
        @Bindable(defaultValue = "true") boolean payloadOnDisk,
        @Bindable(defaultValue = "16") int hnswM,
        @Bindable(defaultValue = "100") int hnswEfConstruct,
        @Bindable(defaultValue = "0") int hnswEf,
        @Bindable(defaultValue = "10000") int indexingThresholdKb,
        @Bindable(defaultValue = "weak") String writeOrdering) {}
