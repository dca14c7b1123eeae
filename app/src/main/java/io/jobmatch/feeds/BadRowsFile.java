package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code --errors FILE}: one NDJSON object per bad row, {@code {"location", "field", "message"}} from its first error,
 * with {@code externalId} when known and {@code errors} (every field and message) when there are several.
 */
public final class BadRowsFile implements Consumer<BadRow>, Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final ObjectMapper json;

    private BadRowsFile(Path file, BufferedWriter out, ObjectMapper json) {
        this.file = file;
        this.out = out;
        this.json = json;
    }

    public static BadRowsFile create(Path file, ObjectMapper json) {
        try {
            return new BadRowsFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), json);
        } catch (IOException e) {
            throw new ImportFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(BadRow row) {
        ObjectNode line = json.createObjectNode();
        line.put("location", row.location());
        RowError first = row.errors().getFirst();
        line.put("field", first.field());
        line.put("message", first.message());
        if (row.externalId() != null) {
            line.put("externalId", row.externalId());
        }
        if (row.errors().size() > 1) {
            ArrayNode errors = line.putArray("errors");
            row.errors()
                    .forEach(error ->
                            errors.addObject().put("field", error.field()).put("message", error.message()));
        }
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new ImportFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
