package io.jobmatch.embeddings;

/**
 * Tuning of an {@link EmbeddingEngine}.
 *
 * @param batchSize      most windows sent to the model in one call
 * @param intraOpThreads ONNX Runtime threads per model call
 * @param cacheSize      most recent embeddings kept in memory; 0 disables the cache
 * @param batchJitter    whether a model whose vectors depend on their batch companions (dynamically quantised, like
 *                       the offline e5-small-v2-q) is batched anyway, accepting that a text's vector moves by up to
 *                       about 0.003 in cosine with what it is batched with; when false such a model gets one window
 *                       per call, so a text always gets the same vector (see README, "Batch jitter")
 */
public record EngineOptions(int batchSize, int intraOpThreads, int cacheSize, boolean batchJitter) {

    public EngineOptions {
        if (batchSize < 1 || intraOpThreads < 1 || cacheSize < 0) {
            throw new IllegalArgumentException("batchSize and intraOpThreads must be at least 1, cacheSize at least 0: "
                    + batchSize + ", " + intraOpThreads + ", " + cacheSize);
        }
    }

    /** Exact vectors: a batch-dependent model is not batched. */
    public EngineOptions(int batchSize, int intraOpThreads, int cacheSize) {
        this(batchSize, intraOpThreads, cacheSize, false);
    }

    /**
     * Batches of 16, one thread per available core, 2,048 cached embeddings (about 3 MB at 384 dimensions for
     * one-window texts; a long CV also keeps its window vectors).
     */
    public static EngineOptions defaults() {
        return new EngineOptions(16, Math.max(1, Runtime.getRuntime().availableProcessors()), 2048);
    }
}
