package io.jobmatch.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Imports files through {@code POST /api/offers/bulk}: rows are read one at a time and sent in chunks of at most
 * {@value #CHUNK_ITEMS} offers and about {@value #CHUNK_BYTES} bytes (under the service's 20 MB request limit). The
 * endpoint takes up to 1,000, but it may index a chunk before it answers: on a busy machine 1,000 offers took longer
 * than the server's 5-minute idle timeout, which closed the connection. 250 keep a chunk well inside it and the
 * progress moving, at no cost in throughput (the service's work per offer is the same). Each result is traced back to its row's place in its file. Bad rows, read here or refused by the
 * service, are counted and handed to {@code badRows}, and never stop the others. Files are checked before anything
 * is sent: one that cannot be read stops the import with an {@link ImportFailedException}.
 */
public final class FeedImport {

    static final int CHUNK_ITEMS = 250;
    static final int CHUNK_BYTES = 8 * 1024 * 1024;

    private final BulkClient client;
    private final ObjectMapper json;
    private final String defaultSource;
    private final Consumer<BadRow> badRows;
    private final FeedFiles files;

    private final ArrayNode chunk;
    private final List<String> chunkLocations = new ArrayList<>();
    private long chunkBytes;
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long invalid;

    /**
     * @param defaultSource the {@code source} of rows that carry none (null: the service's default)
     * @param badRows       told of every row not stored
     */
    public FeedImport(BulkClient client, ObjectMapper json, String defaultSource, Consumer<BadRow> badRows) {
        this.client = client;
        this.json = json;
        this.defaultSource = defaultSource;
        this.badRows = badRows;
        this.files = new FeedFiles(json);
        this.chunk = json.createArrayNode();
    }

    /** Imports {@code paths} in order; the totals so far stay readable through {@link #totals()} if it fails. */
    public ImportTotals run(List<Path> paths, ImportProgress progress) throws InterruptedException {
        long totalBytes = checkReadable(paths);
        AtomicLong bytesRead = new AtomicLong();
        for (Path path : paths) {
            try (RowSource rows = files.open(path, bytesRead)) {
                for (FeedRow row = rows.next(); row != null; row = rows.next()) {
                    add(row);
                    progress.update(read, read - chunk.size(), Math.min(bytesRead.get(), totalBytes));
                }
            } catch (IOException | UncheckedIOException unreadable) {
                ImportFailedException failed =
                        new ImportFailedException("cannot read " + path + ": " + unreadable.getMessage(), unreadable);
                try {
                    flush(); // what was read before still goes in
                } catch (ImportFailedException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
        }
        flush();
        progress.update(read, read, totalBytes);
        return totals();
    }

    public ImportTotals totals() {
        return new ImportTotals(read, created, updated, unchanged, invalid);
    }

    private static long checkReadable(List<Path> paths) {
        long bytes = 0;
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new ImportFailedException("cannot read " + path + ": no such file");
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new ImportFailedException("cannot read " + path + ": not a readable file");
            }
            try {
                bytes += Files.size(path);
            } catch (IOException e) {
                throw new ImportFailedException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    private void add(FeedRow row) throws InterruptedException {
        read++;
        if (!row.valid()) {
            invalid++;
            badRows.accept(new BadRow(row.location(), null, row.errors()));
            return;
        }
        ObjectNode offer = row.offer();
        if (defaultSource != null && offer.path("source").asText("").isBlank()) {
            offer.put("source", defaultSource);
        }
        long size = size(offer);
        if (!chunk.isEmpty() && (chunk.size() >= CHUNK_ITEMS || chunkBytes + size > CHUNK_BYTES)) {
            flush();
        }
        chunk.add(offer);
        chunkLocations.add(row.location());
        chunkBytes += size + 1;
    }

    private void flush() throws InterruptedException {
        if (chunk.isEmpty()) {
            return;
        }
        JsonNode results = client.send(chunk);
        for (int position = 0; position < results.size(); position++) {
            JsonNode result = results.get(position);
            int index = result.path("index").asInt(position);
            String status = result.path("status").asText();
            switch (status) {
                case "CREATED" -> created++;
                case "UPDATED" -> updated++;
                case "UNCHANGED" -> unchanged++;
                default -> {
                    invalid++;
                    badRows.accept(
                            new BadRow(chunkLocations.get(index), externalId(result, index), errors(result, status)));
                }
            }
        }
        chunk.removeAll();
        chunkLocations.clear();
        chunkBytes = 0;
    }

    private String externalId(JsonNode result, int index) {
        JsonNode sent = result.has("externalId")
                ? result.get("externalId")
                : chunk.get(index).get("externalId");
        return sent == null || !sent.isTextual() ? null : sent.asText();
    }

    private static List<RowError> errors(JsonNode result, String status) {
        List<RowError> errors = new ArrayList<>();
        for (JsonNode error : result.path("errors")) {
            errors.add(new RowError(
                    error.path("field").asText("$"), error.path("message").asText()));
        }
        if (errors.isEmpty()) {
            errors.add(new RowError("$", "refused by the service (" + status + ")"));
        }
        return errors;
    }

    private long size(ObjectNode offer) {
        try {
            return json.writeValueAsBytes(offer).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an offer read as JSON always writes back", e);
        }
    }
}
