package io.jobmatch.embeddings;

/**
 * Asymmetric retrieval models (E5) embed the searching text and the searched text differently, each with its own
 * prefix from the model's manifest (E5 calls the document side's prefix {@code "passage: "}). "Passage" elsewhere in
 * jobmatch means a piece of an offer (a sentence, line or list item), never this.
 */
public enum TextKind {
    /** What is searched with: a CV looking for offers, a search box, a piece of an offer compared with a CV. */
    QUERY,
    /** What is stored and searched: an offer. */
    DOCUMENT
}
