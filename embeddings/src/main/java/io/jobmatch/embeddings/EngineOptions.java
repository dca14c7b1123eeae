package io.jobmatch.embeddings;

/**
 * Tuning of an {@link EmbeddingEngine}.
 *
 * @param batchSize      most windows sent to the model in one call
 * @param intraOpThreads ONNX Runtime threads per model call
 * @param cacheSize      most recent embeddings kept in memory; 0 disables the cache
 */
public record EngineOptions(int batchSize, int intraOpThreads, int cacheSize) {

    public EngineOptions {
        if (batchSize < 1 || intraOpThreads < 1 || cacheSize < 0) {
            throw new IllegalArgumentException("batchSize and intraOpThreads must be at least 1, cacheSize at least 0: "
                    + batchSize + ", " + intraOpThreads + ", " + cacheSize);
        }
    }

    /**
     * Batches of 16, one thread per available core, 2,048 cached embeddings (about 3 MB at 384 dimensions for
     * one-window texts; a long CV also keeps its window vectors).
     */
    public static EngineOptions defaults() {
        return new EngineOptions(16, Math.max(1, Runtime.getRuntime().availableProcessors()), 2048);
    }
}
