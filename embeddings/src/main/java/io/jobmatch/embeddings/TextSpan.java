package io.jobmatch.embeddings;

/**
 * Characters {@code [start, end)} of a text: a passage whose vector late chunking pools from the text's own forward
 * pass.
 */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end: [" + start + ", " + end + ")");
        }
    }
}
