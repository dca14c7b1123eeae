package io.jobmatch.ingest;

import io.jobmatch.web.ApiException;
import io.jobmatch.web.JsonFields;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** HTTP adapter for bulk ingestion: a JSON array, or NDJSON (one offer per line) for streaming exports. */
@Controller("/api/offers/bulk")
public class BulkController {

    static final String NDJSON = "application/x-ndjson";

    private final BulkImporter importer;
    private final JsonMapper json;

    public BulkController(BulkImporter importer, JsonMapper json) {
        this.importer = importer;
        this.json = json;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, NDJSON})
    public BulkResponse bulk(HttpRequest<?> request, @Body byte[] body) {
        boolean ndjson = request.getContentType().map(type -> type.getName().equals(NDJSON)).orElse(false);
        List<BulkImporter.Item> items = ndjson ? ndjsonItems(body) : arrayItems(body);
        if (items.size() > BulkImporter.MAX_ITEMS) {
            throw ApiException.invalid("$", "at most " + BulkImporter.MAX_ITEMS + " offers per request (got "
                    + items.size() + ")");
        }
        return importer.importAll(items);
    }

    private List<BulkImporter.Item> arrayItems(byte[] body) {
        JsonNode root = JsonFields.parse(json, body);
        if (!root.isArray()) {
            throw ApiException.invalid("$", "must be a JSON array of offers");
        }
        List<BulkImporter.Item> items = new ArrayList<>(root.size());
        for (JsonNode value : root.values()) {
            items.add(BulkImporter.Item.of(value));
        }
        return items;
    }

    /** Each non-blank line is one item; a malformed line fails alone, like any other bad item. */
    private List<BulkImporter.Item> ndjsonItems(byte[] body) {
        List<BulkImporter.Item> items = new ArrayList<>();
        for (String line : new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(BulkImporter.Item.of(JsonFields.parse(json, line.getBytes(StandardCharsets.UTF_8))));
            } catch (ApiException malformed) {
                items.add(BulkImporter.Item.unreadable(malformed.getMessage()));
            }
        }
        if (items.isEmpty()) {
            throw ApiException.invalid("$", "the NDJSON body holds no offers");
        }
        return items;
    }
}
