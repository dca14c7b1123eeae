package io.jobmatch.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.cli.RunningService;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's privacy check: a CV carrying a unique marker is searched pasted and uploaded (and refused once, to go
 * through an error path too) on a service that keeps everything under its own data directory, the way
 * {@code ./jobmatch serve} runs; then every file of that directory (PostgreSQL's data and WAL, Qdrant's storage and
 * WAL), every temporary file written meanwhile and everything written to stdout and stderr (where the log goes) is
 * searched for the marker. The scan is shown to work by finding a second marker put into an offer on purpose.
 */
class CvPrivacyTest {

    @TempDir
    Path dataDir;

    @Test
    void aCvIsNeitherStoredNorLoggedNorLeftInTemporaryFiles() throws Exception {
        String cvMarker = "cvmarker" + UUID.randomUUID().toString().replace("-", "");
        String offerMarker = "offermarker" + UUID.randomUUID().toString().replace("-", "");
        String cv = Resources.text("cvs/en-accountant.txt") + "\nReference " + cvMarker + " on request.\n";
        Instant start = Instant.now().minusSeconds(2);
        Output output = Output.capture();
        try {
            LocalSettings settings =
                    new LocalSettings(dataDir, Optional.empty(), 0, Optional.empty(), TestServers.qdrantBinary(), 0, 0);
            Map<String, Object> properties = new HashMap<>(TestServers.modelProperties());
            properties.put("micronaut.server.port", -1);
            properties.putAll(TestServers.apiKeyProperties());
            try (RunningService service = RunningService.start(settings, properties)) {
                service.context().getBean(SampleOffersLoader.class).load();
                Api api = new Api(service.server().getURL());
                ObjectNode offer = Api.JSON
                        .createObjectNode()
                        .put("externalId", "privacy-proof")
                        .put("title", "Accountant")
                        .put("description", "Month-end close and reconciliations. " + offerMarker)
                        .put("language", "en");
                assertEquals(201, api.post("/api/offers", offer).status());

                searchEveryWay(api, cv, cvMarker);
            }
        } finally {
            output.release();
        }

        List<Path> dataFiles = files(dataDir, Instant.EPOCH);
        assertTrue(dataFiles.size() > 100, "PostgreSQL and Qdrant files: " + dataFiles.size());
        assertFalse(holding(dataFiles, offerMarker).isEmpty(), "the scan finds what an offer stored");
        assertEquals(List.of(), holding(dataFiles, cvMarker), "no data file holds the CV");
        assertTrue(output.text().contains("Embedded PostgreSQL started"), "the service's log was captured");
        assertFalse(output.text().contains(cvMarker), "the log does not quote the CV");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertEquals(List.of(), holding(files(tmp, start), cvMarker), "no temporary file holds the CV");
    }

    private static void searchEveryWay(Api api, String cv, String cvMarker) {
        assertEquals(200, api.post("/api/search", Api.searchBody(cv, "en")).status());
        assertEquals(200, api.post("/api/search", Api.searchBody(cv, null)).status());
        assertEquals(
                200,
                api.post("/api/search", Api.searchBody(cv, "en").put("mode", "keyword"))
                        .status());
        for (byte[] file :
                List.of(CvFiles.docx(cv), CvFiles.pdf(cv), CvFiles.odt(cv), cv.getBytes(StandardCharsets.UTF_8))) {
            Api.Response response = api.postMultipart("/api/search/file", Map.of("language", "en"), "cv", file);
            assertEquals(200, response.status(), response.body());
            assertTrue(response.json().get("extractedText").asText().contains(cvMarker), "the marker was searched");
        }
        byte[] broken = ("%PDF-1.7\n" + cv).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                422,
                api.postMultipart("/api/search/file", Map.of(), "cv.pdf", broken)
                        .status());
    }

    /** Regular files under {@code root} last modified at or after {@code since}; unreadable ones are skipped. */
    private static List<Path> files(Path root, Instant since) throws IOException {
        List<Path> found = new ArrayList<>();
        FileTime after = FileTime.from(since);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(after) >= 0) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** The files whose bytes hold {@code marker}, as UTF-8 (PostgreSQL, Qdrant, logs) or UTF-16 (Java, Windows). */
    private static List<Path> holding(List<Path> files, String marker) {
        List<byte[]> patterns = List.of(
                marker.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_16LE),
                marker.getBytes(StandardCharsets.UTF_16BE));
        List<Path> holding = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                continue; // gone meanwhile (a server's own temporary file), or not readable by this user
            }
            if (patterns.stream().anyMatch(pattern -> indexOf(bytes, pattern) >= 0)) {
                holding.add(file);
            }
        }
        return holding;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Everything written to stdout and stderr (the console appender writes the log there), still shown as usual. */
    private record Output(PrintStream out, PrintStream err, ByteArrayOutputStream copy) {

        static Output capture() {
            Output output = new Output(System.out, System.err, new ByteArrayOutputStream());
            System.setOut(new PrintStream(new Tee(output.out, output.copy), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(output.err, output.copy), true, StandardCharsets.UTF_8));
            return output;
        }

        void release() {
            System.setOut(out);
            System.setErr(err);
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream shown;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream shown, ByteArrayOutputStream copy) {
            this.shown = shown;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                shown.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
