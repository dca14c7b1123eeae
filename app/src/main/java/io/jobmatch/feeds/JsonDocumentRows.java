package io.jobmatch.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON document read with Jackson's streaming parser, one array member at a time: an array of offers or
 * JobPostings, a single JobPosting (JSON-LD, with or without {@code @graph}), or objects one after another. The rows
 * are at {@code file#index}, counted from 0 in the order they come. A syntax error ends the file (a parser cannot
 * find the next member after it): it is reported as an invalid row at the index it stopped at.
 */
final class JsonDocumentRows implements RowSource {

    private final String name;
    private final JsonParser parser;
    private final ObjectMapper json;
    private final Deque<FeedRow> pending = new ArrayDeque<>();
    private boolean inArray;
    private boolean ended;
    private long index;

    JsonDocumentRows(String name, JsonParser parser, ObjectMapper json) {
        this.name = name;
        this.parser = parser;
        this.json = json;
    }

    @Override
    public FeedRow next() throws IOException {
        while (pending.isEmpty() && !ended) {
            try {
                readValue();
            } catch (JsonProcessingException malformed) {
                ended = true;
                pending.add(FeedRow.invalid(
                        location(),
                        "$",
                        "not valid JSON (line " + malformed.getLocation().getLineNr() + "): "
                                + malformed.getOriginalMessage() + "; the rest of the file is not read"));
            }
        }
        return pending.poll();
    }

    private void readValue() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            ended = true;
            return;
        }
        if (!inArray && token == JsonToken.START_ARRAY) {
            inArray = true;
            return;
        }
        if (inArray && token == JsonToken.END_ARRAY) {
            inArray = false;
            return;
        }
        JsonNode value = json.readTree(parser);
        if (value instanceof ObjectNode object) {
            for (ObjectNode offer : JobPostings.offers(object, false)) {
                pending.add(FeedRow.offer(location(), offer));
                index++;
            }
        } else {
            pending.add(FeedRow.invalid(location(), "$", "must be a JSON object"));
            index++;
        }
    }

    private String location() {
        return name + "#" + index;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
