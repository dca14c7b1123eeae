package io.jobmatch.model;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which embedding model runs and how.
 *
 * @param name       manifest name of the preferred model (its files must be under {@code dir/<name>/})
 * @param fallback   manifest name used when the preferred model's files are absent
 * @param dir        folder holding downloaded model files
 * @param batchSize  texts per ONNX Runtime call
 * @param threads    ONNX Runtime intra-op threads; 0 means one per available core
 * @param cacheSize  recent embeddings kept in memory
 * @param batchJitter whether a model whose vectors depend on their batch companions (the offline int8 model) is
 *                   batched anyway: on the evaluation's 17,718 documents indexing took 894 s instead of 1,366 s and
 *                   hybrid MRR@10 moved from 0.6542 to 0.6532 (docs/search-quality.md, "Indexing cost"); a text's
 *                   vector moves by up to about 0.003 in cosine with what it is batched with (embeddings/README.md,
 *                   "Batch jitter")
 */
@ConfigurationProperties("jobmatch.model")
public record ModelSettings(
        @Bindable(defaultValue = "multilingual-e5-small") String name,
        @Bindable(defaultValue = "e5-small-v2-q") String fallback,
        @Bindable(defaultValue = "models") String dir,
        @Bindable(defaultValue = "16") int batchSize,
        @Bindable(defaultValue = "0") int threads,
        @Bindable(defaultValue = "4096") int cacheSize,
        @Bindable(defaultValue = "true") boolean batchJitter) {}
