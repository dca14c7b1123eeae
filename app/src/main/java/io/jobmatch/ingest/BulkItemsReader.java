package io.jobmatch.ingest;

import io.jobmatch.web.ApiException;
import io.jobmatch.web.JsonRequestReader;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bulk body, a JSON array or NDJSON (one offer per line, for streaming exports), into its items without
 * validating them: each is bound and validated on its own by the importer.
 */
@Singleton
@Consumes({MediaType.APPLICATION_JSON, BulkItemsReader.NDJSON})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulkItemsReader implements MessageBodyReader<BulkItems> {

    static final String NDJSON = "application/x-ndjson";

    private final JsonMapper mapper;

    BulkItemsReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<BulkItems> type, MediaType mediaType) {
        return type.getType() == BulkItems.class;
    }

    @Override
    public BulkItems read(Argument<BulkItems> type, MediaType mediaType, Headers headers, InputStream body)
            throws CodecException {
        boolean ndjson = mediaType != null && mediaType.getName().equals(NDJSON);
        return new BulkItems(ndjson ? ndjsonItems(body) : arrayItems(body));
    }

    private List<BulkItems.Item> arrayItems(InputStream body) {
        JsonNode root = JsonRequestReader.parse(mapper, body);
        if (root == null || !root.isArray()) {
            throw ApiException.invalid("$", "must be a JSON array of offers");
        }
        List<BulkItems.Item> items = new ArrayList<>(root.size());
        for (JsonNode value : root.values()) {
            items.add(BulkItems.Item.of(value));
        }
        return items;
    }

    /** Each non-blank line is one item; a malformed line fails alone, like any other bad item. */
    private List<BulkItems.Item> ndjsonItems(InputStream body) {
        List<BulkItems.Item> items = new ArrayList<>();
        for (String line : text(body).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(BulkItems.Item.of(JsonRequestReader.parse(
                        mapper, new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)))));
            } catch (ApiException malformed) {
                items.add(BulkItems.Item.unreadable(malformed.getMessage()));
            }
        }
        if (items.isEmpty()) {
            throw ApiException.invalid("$", "the NDJSON body holds no offers");
        }
        return items;
    }

    private static String text(InputStream body) {
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
