package io.jobmatch.embeddings;

/**
 * A text's token ids without special tokens, with each token's character span so windows can be cut where the
 * text itself breaks (end of sentence, end of line).
 */
record TokenizedText(String text, long[] ids, int[] starts, int[] ends) {

    int size() {
        return ids.length;
    }
}
