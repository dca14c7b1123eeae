package io.jobmatch.feeds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * The formats an import file may have, told by its extension ({@code .gz} removed first) or else by its first
 * non-blank byte: {@code [} a JSON array, {@code <} an HTML page, {@code {} NDJSON when the first line is a whole JSON
 * value and one JSON document otherwise, anything else CSV.
 */
enum FeedFormat {
    NDJSON,
    JSON,
    CSV,
    HTML;

    /** By the name's extension, or null when it says nothing. */
    static FeedFormat byName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "ndjson", "jsonl" -> NDJSON;
            case "json", "jsonld" -> JSON;
            case "csv" -> CSV;
            case "html", "htm" -> HTML;
            default -> null;
        };
    }

    /** By the first non-blank bytes of {@code in}, which is left where it was (it must support mark). */
    static FeedFormat sniff(BufferedInputStream in, int limit) throws IOException {
        in.mark(limit);
        try {
            int first = firstNonBlank(in);
            return switch (first) {
                case '[' -> JSON;
                case '<' -> HTML;
                case '{' -> wholeFirstLine(in, limit - 4) ? NDJSON : JSON;
                default -> CSV;
            };
        } finally {
            in.reset();
        }
    }

    private static int firstNonBlank(BufferedInputStream in) throws IOException {
        int b = in.read();
        while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) {
            b = in.read(); // the UTF-8 byte order mark too
        }
        return b;
    }

    /**
     * Whether the object opened by the byte just read closes on its own line, brackets counted outside strings. A
     * first line longer than {@code limit} is taken as one JSON document, which also reads objects one after another.
     */
    private static boolean wholeFirstLine(BufferedInputStream in, int limit) throws IOException {
        int depth = 1;
        boolean inString = false;
        boolean escaped = false;
        int read = 0;
        for (int b = in.read(); b != -1 && b != '\n' && read++ < limit; b = in.read()) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }
}
