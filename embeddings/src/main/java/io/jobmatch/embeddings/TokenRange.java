package io.jobmatch.embeddings;

/** Tokens {@code [from, to)} of a {@link TokenizedText}. */
record TokenRange(int from, int to) {

    int length() {
        return to - from;
    }
}
