package io.jobmatch.embeddings;

/** Asymmetric retrieval models (E5) embed the searching text and the searched text differently. */
public enum TextKind {
    /** What is searched with: a CV looking for offers, a search box. */
    QUERY,
    /** What is stored and searched: an offer. */
    PASSAGE
}
