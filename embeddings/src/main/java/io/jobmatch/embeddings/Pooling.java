package io.jobmatch.embeddings;

/** How a model's per-token hidden states become one sentence vector; fixed by how the model was trained. */
public enum Pooling {
    /** Average of the non-padding token states (E5, most sentence-transformers). */
    MEAN,
    /** State of the first token (BGE and other CLS-trained models). */
    CLS
}
