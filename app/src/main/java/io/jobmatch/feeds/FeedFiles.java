package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Opens an import file as a stream of rows: gunzipped when it is gzip (its magic bytes, whatever its name), its
 * format told by {@link FeedFormat}. The bytes read from disk are counted into {@code bytesRead}, for the progress.
 */
final class FeedFiles {

    private static final int SNIFF_LIMIT = 1 << 20;

    private final ObjectMapper json;

    FeedFiles(ObjectMapper json) {
        this.json = json;
    }

    RowSource open(Path file, AtomicLong bytesRead) throws IOException {
        String name = file.toString();
        BufferedInputStream in = new BufferedInputStream(new Counting(Files.newInputStream(file), bytesRead));
        try {
            BufferedInputStream content = gzipped(in) ? new BufferedInputStream(new GZIPInputStream(in), 65_536) : in;
            FeedFormat format = FeedFormat.byName(name);
            if (format == null) {
                format = FeedFormat.sniff(content, SNIFF_LIMIT);
            }
            return switch (format) {
                case NDJSON -> new NdjsonRows(name, text(content), json);
                case JSON -> new JsonDocumentRows(name, json.createParser(content), json);
                case CSV -> CsvRows.open(name, text(content));
                case HTML -> {
                    try (content) {
                        yield HtmlPageRows.read(name, content, json);
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean gzipped(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static BufferedReader text(InputStream content) {
        return new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 65_536);
    }

    /** Counts the bytes that pass, for the progress bar's estimate of the rows to come. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
