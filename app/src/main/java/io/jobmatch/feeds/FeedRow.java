package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One row of a file, at its {@code location} ({@code file:line} or {@code file#index}): the offer to send, or the
 * errors that kept it from being read (never both).
 */
record FeedRow(String location, ObjectNode offer, List<RowError> errors) {

    static FeedRow offer(String location, ObjectNode offer) {
        return new FeedRow(location, offer, List.of());
    }

    static FeedRow invalid(String location, String field, String message) {
        return new FeedRow(location, null, List.of(new RowError(field, message)));
    }

    boolean valid() {
        return offer != null;
    }
}
