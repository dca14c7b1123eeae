package io.jobmatch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a local Qdrant costs: its resident memory, read from {@code /proc} through the pid file it was started with,
 * and a collection's files on disk, summed per kind of data (each segment keeps one folder per vector and for
 * payload and its indexes). Disk is what {@code du} counts, the blocks allocated: Qdrant preallocates its
 * memory-mapped files, so their apparent sizes overstate a small collection several times.
 *
 * @param rssKib      resident memory, anonymous and file-backed (memory-mapped storage that is paged in)
 * @param anonKib     resident anonymous memory: what the process holds whatever the page cache does
 * @param bytesByKind bytes on disk per kind
 */
record QdrantFootprint(long rssKib, long anonKib, Map<String, Long> bytesByKind) {

    /** Path part to kind, most specific first: the int8 copy lives inside its vector's storage folder. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("quantized", "dense-int8"),
            Map.entry("vector_storage-dense", "dense"),
            Map.entry("vector_index-dense", "dense-hnsw"),
            Map.entry("vector_storage-keywords", "keywords"),
            Map.entry("vector_index-keywords", "keywords-index"),
            Map.entry("vector_storage-passages", "passages"),
            Map.entry("vector_index-passages", "passages-index"),
            Map.entry("payload_storage", "payload"),
            Map.entry("payload_index", "payload-indexes"),
            Map.entry("wal", "wal"),
            Map.entry("id_tracker", "ids"));

    static Optional<QdrantFootprint> of(Path qdrantDir, String collection) {
        try {
            Path pidFile = qdrantDir.resolve("qdrant.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            Map<String, Long> status =
                    status(Long.parseLong(Files.readString(pidFile).trim()));
            return Optional.of(new QdrantFootprint(
                    status.getOrDefault("VmRSS", -1L),
                    status.getOrDefault("RssAnon", -1L),
                    bytesByKind(qdrantDir.resolve("storage/collections").resolve(collection))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure Qdrant", e);
        }
    }

    long diskBytes() {
        return bytesByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> values = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] parts = line.split(":\\s+");
            if (parts.length == 2 && parts[1].endsWith(" kB")) {
                values.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
            }
        }
        return values;
    }

    private static Map<String, Long> bytesByKind(Path collection) throws IOException {
        Process du = new ProcessBuilder("du", "-ak", collection.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, Long> bytes = new TreeMap<>();
        try (BufferedReader lines = du.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] sizeAndPath = line.split("\t", 2);
                if (sizeAndPath.length == 2 && Files.isRegularFile(Path.of(sizeAndPath[1]))) {
                    String path = sizeAndPath[1];
                    String kind = KINDS.stream()
                            .filter(entry -> path.contains(entry.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse("other");
                    bytes.merge(kind, Long.parseLong(sizeAndPath[0]) * 1024, Long::sum);
                }
            }
        }
        return bytes;
    }
}
