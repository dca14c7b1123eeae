package io.jobmatch.offers;

/** A listing cursor that no page of the listing returned (edited, truncated or made up): the client's mistake. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException() {
        super("must be the nextCursor of a previous page of this listing");
    }
}
