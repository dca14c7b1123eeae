package io.jobmatch.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** NDJSON / JSON Lines, one line at a time: each non-blank line is a row at {@code file:line}, read alone. */
final class NdjsonRows implements RowSource {

    private final String name;
    private final BufferedReader lines;
    private final ObjectMapper json;
    private final Deque<FeedRow> pending = new ArrayDeque<>();
    private long lineNumber;

    NdjsonRows(String name, BufferedReader lines, ObjectMapper json) {
        this.name = name;
        this.lines = lines;
        this.json = json;
    }

    @Override
    public FeedRow next() throws IOException {
        while (pending.isEmpty()) {
            String line = lines.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a UTF-8 byte order mark
            }
            if (!line.isBlank()) {
                read(line, name + ":" + lineNumber);
            }
        }
        return pending.poll();
    }

    private void read(String line, String location) {
        JsonNode value;
        try {
            value = json.readTree(line);
        } catch (JsonProcessingException malformed) {
            pending.add(FeedRow.invalid(location, "$", "not valid JSON: " + malformed.getOriginalMessage()));
            return;
        }
        if (!(value instanceof ObjectNode object)) {
            pending.add(FeedRow.invalid(location, "$", "must be a JSON object"));
            return;
        }
        for (ObjectNode offer : JobPostings.offers(object, false)) {
            pending.add(FeedRow.offer(location, offer));
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
