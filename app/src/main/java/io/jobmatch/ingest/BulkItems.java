package io.jobmatch.ingest;

import io.micronaut.json.tree.JsonNode;
import java.util.List;

/**
 * The items of a bulk request as read from its body, each still unvalidated: a JSON value, or why it could not be
 * read (a malformed NDJSON line), so that one bad item never stops the others. On the wire: a JSON array of up to
 * 1,000 {@code OfferRequest} objects, or NDJSON ({@code application/x-ndjson}) with one per line.
 */
public record BulkItems(List<Item> items) {

    /** One item: its JSON, or why it is unreadable (never both). */
    public record Item(JsonNode json, String unreadable) {
        public static Item of(JsonNode json) {
            return new Item(json, null);
        }

        public static Item unreadable(String reason) {
            return new Item(null, reason);
        }
    }

    public int size() {
        return items.size();
    }
}
