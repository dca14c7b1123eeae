package io.jobmatch.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The file readers without a service: row positions, typing, format detection, and reading as a stream. */
class FeedRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvRowsAreAtTheLineTheirRecordStartsOnAndTyped() throws IOException {
        String csv = "externalId,title,description,salary.min,salary.currency,remote\n"
                + "c-1,Welder,\"Line one\nline two, with a comma\nline three\",42000,EUR,true\n"
                + "\n"
                + "c-2,Painter,Paints walls,lots,EUR,\n"
                + "c-3,Mason,\"Builds \"\"dry\"\" walls\",,,false\n";
        List<FeedRow> rows = all(CsvRows.open("f.csv", reader(csv)));

        assertEquals(3, rows.size());
        assertEquals("f.csv:2", rows.get(0).location());
        ObjectNode first = rows.get(0).offer();
        assertEquals(
                "Line one\nline two, with a comma\nline three",
                first.get("description").asText());
        assertEquals(42000, first.at("/salary/min").asInt());
        assertTrue(first.at("/salary/min").isNumber());
        assertEquals("EUR", first.at("/salary/currency").asText());
        assertTrue(first.get("remote").booleanValue());
        assertEquals("f.csv:6", rows.get(1).location());
        assertFalse(rows.get(1).valid());
        assertEquals("salary.min", rows.get(1).errors().getFirst().field());
        assertEquals("f.csv:7", rows.get(2).location());
        assertEquals(
                "Builds \"dry\" walls", rows.get(2).offer().get("description").asText());
        assertFalse(rows.get(2).offer().has("salary"), "empty cells are absent fields");
        assertFalse(rows.get(2).offer().get("remote").booleanValue());
    }

    @Test
    void ndjsonReportsABadLineAndGoesOn() throws IOException {
        String ndjson = "{\"externalId\": \"n-1\"}\n{\"externalId\": \n\n[1, 2]\n{\"externalId\": \"n-4\"}\n";
        List<FeedRow> rows = all(new NdjsonRows("f.ndjson", reader(ndjson), JSON));

        assertEquals(List.of("f.ndjson:1", "f.ndjson:2", "f.ndjson:4", "f.ndjson:5"), locations(rows));
        assertTrue(rows.get(1).errors().getFirst().message().startsWith("not valid JSON"));
        assertEquals("must be a JSON object", rows.get(2).errors().getFirst().message());
        assertEquals("n-4", rows.get(3).offer().get("externalId").asText());
    }

    @Test
    void jsonDocumentsGiveIndexedRowsAndStopAtASyntaxError() throws IOException {
        String array = "[{\"externalId\": \"a\"}, 7, {\"externalId\": \"b\"}, {\"externalId\": ]";
        List<FeedRow> rows = all(new JsonDocumentRows("f.json", JSON.createParser(array), JSON));

        assertEquals(List.of("f.json#0", "f.json#1", "f.json#2", "f.json#3"), locations(rows));
        assertFalse(rows.get(1).valid());
        assertEquals("b", rows.get(2).offer().get("externalId").asText());
        assertTrue(rows.get(3).errors().getFirst().message().contains("the rest of the file is not read"));
    }

    @Test
    void aJsonLdGraphGivesItsJobPostingsOnly() throws IOException {
        String graph = "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"Organization\", \"name\": "
                + "\"Acme\"}, {\"@type\": \"JobPosting\", \"title\": \"Cook\", \"identifier\": \"g-1\"}]}";
        List<FeedRow> rows = all(new JsonDocumentRows("f.jsonld", JSON.createParser(graph), JSON));

        assertEquals(1, rows.size());
        assertEquals("g-1", rows.getFirst().offer().get("externalId").asText());
        assertEquals("Cook", rows.getFirst().offer().get("title").asText());
    }

    @Test
    void formatsAreToldByNameOrElseByContent() throws IOException {
        assertEquals(FeedFormat.NDJSON, FeedFormat.byName("a.jsonl.gz"));
        assertEquals(FeedFormat.JSON, FeedFormat.byName("a.JSONLD"));
        assertEquals(FeedFormat.HTML, FeedFormat.byName("job.htm"));
        assertNull(FeedFormat.byName("feed.txt"));
        assertEquals(FeedFormat.NDJSON, sniff("{\"a\": \"}{\"}\n{\"b\": 1}\n"));
        assertEquals(FeedFormat.JSON, sniff("{\n  \"@type\": \"JobPosting\"\n}\n"));
        assertEquals(FeedFormat.JSON, sniff("\uFEFF  [ {} ]"));
        assertEquals(FeedFormat.HTML, sniff("\n<!doctype html><html></html>"));
        assertEquals(FeedFormat.CSV, sniff("externalId,title\n"));
    }

    @Test
    void htmlDescriptionsBecomeLinesOfPlainText() {
        String html = "<h2>About</h2><p>We build &amp; ship&nbsp;tools.</p><ul><li>Java</li><li>SQL &lt;3</li></ul>"
                + "Call<br>us<script>alert(1)</script>";

        assertEquals("About\nWe build & ship tools.\nJava\nSQL <3\nCall\nus", HtmlText.plain(html));
        assertEquals("Fish & chips", HtmlText.plain("Fish &amp; chips"));
        assertEquals("Plain\n  text", HtmlText.plain("Plain\n  text"));
    }

    /** Each reader hands out its first rows from an endless input: it reads as it goes, never the whole file. */
    @Test
    void readersStreamRowByRow() throws IOException {
        String offer = "{\"externalId\": \"s\", \"title\": \"t\"}";
        try (RowSource ndjson = new NdjsonRows("n", reader(endless("", offer + "\n")), JSON);
                RowSource array = new JsonDocumentRows("a", JSON.createParser(endless("[", offer + ",")), JSON);
                RowSource csv = CsvRows.open("c", reader(endless("externalId,title\n", "s,t\n")))) {
            for (RowSource rows : List.of(ndjson, array, csv)) {
                for (int i = 0; i < 1_000; i++) {
                    assertEquals("s", rows.next().offer().get("externalId").asText());
                }
            }
        }
    }

    @Test
    void gzipIsFoundByItsMagicBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve("feed");
        try (var gzip = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
            gzip.write("externalId,title\nz-1,Zookeeper\n".getBytes(StandardCharsets.UTF_8));
        }
        AtomicLong bytes = new AtomicLong();
        try (RowSource rows = new FeedFiles(JSON).open(file, bytes)) {
            FeedRow row = rows.next();
            assertEquals(file + ":2", row.location());
            assertEquals("Zookeeper", row.offer().get("title").asText());
            assertNull(rows.next());
        }
        assertEquals(java.nio.file.Files.size(file), bytes.get());
    }

    private static FeedFormat sniff(String content) throws IOException {
        BufferedInputStream in =
                new BufferedInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        FeedFormat format = FeedFormat.sniff(in, 1024);
        assertEquals(content.getBytes(StandardCharsets.UTF_8)[0], (byte) in.read(), "the stream is left where it was");
        return format;
    }

    /** {@code head}, then {@code repeated} for ever (closing it ends nothing: there is nothing to release). */
    private static InputStream endless(String head, String repeated) {
        byte[] first = head.getBytes(StandardCharsets.UTF_8);
        byte[] unit = repeated.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                long at = position++;
                return at < first.length ? first[(int) at] : unit[(int) ((at - first.length) % unit.length)];
            }
        };
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<FeedRow> all(RowSource source) throws IOException {
        List<FeedRow> rows = new ArrayList<>();
        try (source) {
            for (FeedRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> locations(List<FeedRow> rows) {
        return rows.stream().map(FeedRow::location).toList();
    }
}
