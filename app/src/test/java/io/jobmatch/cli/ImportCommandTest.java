package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./jobmatch import} run in-process against the real service: every format, bad rows with their places in
 * their files, {@code --errors}, {@code --source}, exit codes, and a second import that changes nothing.
 */
@MicronautTest
class ImportCommandTest extends ServiceTest {

    /** A key that may write the source {@code feed-own} only, beside the test key for every source. */
    private static final String OWN_SOURCE_KEY = "import-test-key-feed-own";

    /** Short, so that an import lasting a second (the retry test) prints progress lines. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);

    private static final String SUMMARY = "import: read=%d created=%d updated=%d unchanged=%d invalid=%d seconds=";

    @Inject
    EmbeddedServer server;

    @TempDir
    Path dir;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jobmatch.security.api-keys", TestServers.API_KEY + ":*," + OWN_SOURCE_KEY + ":feed-own");
        return properties;
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL());
    }

    /** One run of the command: its exit code and what it wrote. */
    record Run(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }

        void assertSummary(int read, int created, int updated, int unchanged, int invalid) {
            String expected = SUMMARY.formatted(read, created, updated, unchanged, invalid);
            assertTrue(lastLine().startsWith(expected), lastLine() + "\nstderr:\n" + err);
            assertTrue(lastLine().substring(expected.length()).matches("\\d+\\.\\d"), lastLine());
        }
    }

    @Test
    void ndjsonWithABadLineIsReportedByLineAndReimportChangesNothing() throws IOException {
        Path file = write(
                "offers.ndjson",
                offer("nd-1", "Baker", "Bake bread and pastries every night in our family bakery.") + "\n"
                        + "{\"externalId\": \"nd-2\", \"title\": \n"
                        + "\n"
                        + "{\"externalId\": \"nd-3\", \"description\": \"No title here.\", \"language\": \"en\"}\n"
                        + offer("nd-4", "Florist", "Compose bouquets for weddings and arrange shop windows.") + "\n");
        Path errors = dir.resolve("errors.ndjson");

        Run first = run("--errors", errors.toString(), file.toString());

        assertEquals(1, first.exitCode(), first.err());
        first.assertSummary(4, 2, 0, 0, 2);
        List<JsonNode> bad = ndjson(errors);
        assertEquals(2, bad.size(), bad.toString());
        assertEquals(file + ":2", bad.get(0).get("location").asText());
        assertEquals("$", bad.get(0).get("field").asText());
        assertTrue(bad.get(0).get("message").asText().startsWith("not valid JSON"), bad.toString());
        assertEquals(file + ":4", bad.get(1).get("location").asText());
        assertEquals("title", bad.get(1).get("field").asText());
        assertEquals("nd-3", bad.get(1).get("externalId").asText());
        assertTrue(first.err().contains(file + ":4: title: "), first.err());

        Run second = run(file.toString());

        assertEquals(1, second.exitCode(), second.err());
        second.assertSummary(4, 0, 0, 2, 2);
        assertEquals("Florist", stored("default", "nd-4").get("title").asText());
    }

    @Test
    void gzippedJsonArrayTakesTheSourceGivenAndIsIdempotent() throws IOException {
        Path file = gzip(
                "array.json.gz",
                "[" + offer("gz-1", "Roofer", "Fix and replace slate roofs on old houses.") + ",\n"
                        + offer("gz-2", "Tiler", "Lay ceramic tiles in bathrooms and kitchens.") + ",\n"
                        + "{\"source\": \"own-feed\", \"externalId\": \"gz-3\", \"title\": \"Glazier\", "
                        + "\"description\": \"Cut and fit glass for windows and shop fronts.\", \"language\": \"en\"}]");

        Run first = run("--source", "feed-gz", file.toString());

        assertEquals(0, first.exitCode(), first.err());
        first.assertSummary(3, 3, 0, 0, 0);
        assertEquals("Roofer", stored("feed-gz", "gz-1").get("title").asText());
        assertEquals("feed-gz", stored("feed-gz", "gz-2").get("source").asText());
        assertEquals("Glazier", stored("own-feed", "gz-3").get("title").asText(), "a row's own source is kept");

        Run second = run("--source", "feed-gz", file.toString());

        assertEquals(0, second.exitCode(), second.err());
        second.assertSummary(3, 0, 0, 3, 0);
    }

    @Test
    void csvWithAQuotedMultiLineDescriptionAndNestedSalary() throws IOException {
        Path file = write(
                "offers.csv",
                "externalId,title,description,language,country,salary.min,salary.max,salary.currency,"
                        + "salary.period,remote\n"
                        + "csv-1,Carpenter,\"Build staircases, doors and windows.\n"
                        + "Work from our \"\"north\"\" workshop.\",en,GB,30000,42000,GBP,YEAR,true\n"
                        + "csv-2,Plumber,Install pipes and boilers in new homes.,en,GB,plenty,,GBP,,\n"
                        + "csv-3,Electrician,Wire new homes and fit fuse boxes.,en,GB,,,,,false\n");
        Path errors = dir.resolve("csv-errors.ndjson");

        Run run = run("--source", "feed-csv", "--errors", errors.toString(), file.toString());

        assertEquals(1, run.exitCode(), run.err());
        run.assertSummary(3, 2, 0, 0, 1);
        JsonNode bad = ndjson(errors).getFirst();
        assertEquals(file + ":4", bad.get("location").asText(), "the line the row starts on");
        assertEquals("salary.min", bad.get("field").asText());
        JsonNode carpenter = stored("feed-csv", "csv-1");
        assertEquals(
                "Build staircases, doors and windows.\nWork from our \"north\" workshop.",
                carpenter.get("description").asText());
        assertEquals(30000, carpenter.at("/salary/min").asInt());
        assertEquals(42000, carpenter.at("/salary/max").asInt());
        assertEquals("GBP", carpenter.at("/salary/currency").asText());
        assertEquals("YEAR", carpenter.at("/salary/period").asText());
        assertTrue(carpenter.get("remote").asBoolean());
        assertFalse(stored("feed-csv", "csv-3").get("remote").asBoolean());
    }

    @Test
    void jsonLdJobPostingsAreMappedToOffers() throws IOException {
        Path single = write("posting.jsonld", """
                {"@context": "https://schema.org/", "@type": "JobPosting",
                 "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "ld-1"},
                 "title": "Senior Java Developer",
                 "description": "Design &amp; build payment services in Java and PostgreSQL for our banking clients.",
                 "datePosted": "2026-11-20T09:00:00+01:00", "validThrough": "2026-12-31",
                 "employmentType": ["full-time"], "inLanguage": "en-GB",
                 "hiringOrganization": {"@type": "Organization", "name": "Acme Payments"},
                 "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress",
                   "addressLocality": "Leeds", "addressCountry": {"@type": "Country", "name": "GB"}}}],
                 "jobLocationType": "TELECOMMUTE",
                 "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                   "value": {"@type": "QuantitativeValue", "minValue": 55000, "maxValue": 70000, "unitText": "YEAR"}},
                 "url": "https://jobs.example.com/ld-1"}
                """);
        Path array = write("postings.jsonld", """
                [{"@context": "https://schema.org/", "@type": "JobPosting", "identifier": "ld-2",
                  "title": "Night Nurse", "description": "Care for patients on the night shift of a busy ward.",
                  "inLanguage": "en", "jobLocation": {"address": {"addressLocality": "Cork", "addressCountry": "IRL"}},
                  "baseSalary": {"currency": "EUR", "value": {"value": 21.5, "unitText": "HOUR"}}},
                 {"@context": "https://schema.org/", "@type": "JobPosting", "identifier": "ld-3",
                  "description": "A posting without a title.", "inLanguage": "en"}]
                """);
        Path errors = dir.resolve("ld-errors.ndjson");

        Run run = run("--source", "feed-ld", "--errors", errors.toString(), single.toString(), array.toString());

        assertEquals(1, run.exitCode(), run.err());
        run.assertSummary(3, 2, 0, 0, 1);
        JsonNode bad = ndjson(errors).getFirst();
        assertEquals(array + "#1", bad.get("location").asText());
        assertEquals("title", bad.get("field").asText());
        JsonNode java = stored("feed-ld", "ld-1");
        assertEquals("Senior Java Developer", java.get("title").asText());
        assertEquals(
                "Design & build payment services in Java and PostgreSQL for our banking clients.",
                java.get("description").asText());
        assertEquals("Acme Payments", java.get("company").asText());
        assertEquals("Leeds", java.get("city").asText());
        assertEquals("GB", java.get("country").asText());
        assertEquals("en", java.get("language").asText());
        assertEquals("FULL_TIME", java.get("employmentType").asText());
        assertTrue(java.get("remote").asBoolean());
        assertEquals("2026-11-20", java.get("datePosted").asText());
        assertEquals("2026-12-31", java.get("validThrough").asText());
        assertEquals(55000, java.at("/salary/min").asInt());
        assertEquals(70000, java.at("/salary/max").asInt());
        assertEquals("GBP", java.at("/salary/currency").asText());
        assertEquals("YEAR", java.at("/salary/period").asText());
        assertEquals("https://jobs.example.com/ld-1", java.get("url").asText());
        JsonNode nurse = stored("feed-ld", "ld-2");
        assertEquals("IE", nurse.get("country").asText());
        assertEquals(21.5, nurse.at("/salary/min").asDouble());
        assertEquals(21.5, nurse.at("/salary/max").asDouble());
        assertEquals("HOUR", nurse.at("/salary/period").asText());
        assertFalse(nurse.has("remote"));

        Run again = run("--source", "feed-ld", single.toString(), array.toString());

        again.assertSummary(3, 0, 0, 2, 1);
    }

    @Test
    void anHtmlPageGivesItsJobPostingWithThePlainTextDescription() throws IOException {
        Path page = write("job.html", """
                <!doctype html>
                <html><head><title>Warehouse job</title>
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList",
                  "itemListElement": []}</script>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "JobPosting", "identifier": "html-1",
                 "title": "Warehouse Team Lead",
                 "description": "<p>Lead a team of twelve in our &quot;central&quot; warehouse.</p><ul><li>Plan the shifts</li><li>Train new staff &amp; drivers</li></ul><p>Apply today<br>Start in January</p>",
                 "hiringOrganization": "Northern Logistics"}
                </script></head>
                <body><h1>Warehouse Team Lead</h1></body></html>
                """);

        Run run = run("--source", "feed-html", page.toString());

        assertEquals(0, run.exitCode(), run.err());
        run.assertSummary(1, 1, 0, 0, 0);
        JsonNode lead = stored("feed-html", "html-1");
        String description = lead.get("description").asText();
        assertEquals(
                List.of(
                        "Lead a team of twelve in our \"central\" warehouse.",
                        "Plan the shifts",
                        "Train new staff & drivers",
                        "Apply today",
                        "Start in January"),
                description.lines().toList());
        assertFalse(description.contains("<") || description.contains("&amp;") || description.contains("&quot;"));
        assertEquals("en", lead.get("language").asText(), "detected by the service: the posting has no inLanguage");
        assertEquals("Northern Logistics", lead.get("company").asText());
    }

    @Test
    void aFileWithoutExtensionIsRecognisedByItsContent() throws IOException {
        Path file = write(
                "export",
                "externalId,title,description,language\n"
                        + "sniff-1,Chef,Cook seasonal dishes in a small restaurant kitchen.,en\n");

        Run run = run("--source", "feed-sniff", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        run.assertSummary(1, 1, 0, 0, 0);
        assertEquals("Chef", stored("feed-sniff", "sniff-1").get("title").asText());
    }

    @Test
    void aMissingFileIsFatalAndNothingIsSent() throws IOException {
        Path good = write("good.ndjson", offer("never-1", "Driver", "Drive a delivery van around town.") + "\n");
        Path missing = dir.resolve("missing.ndjson");

        Run run = run("--source", "feed-missing", good.toString(), missing.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot read " + missing + ": no such file"), run.err());
        run.assertSummary(0, 0, 0, 0, 0);
        assertEquals(
                0,
                api.get("/api/offers?source=feed-missing").json().get("offers").size());
    }

    @Test
    void anUnreachableServiceIsFatal() throws IOException {
        Path file = write("unreachable.ndjson", offer("far-1", "Pilot", "Fly short-haul routes across Europe.") + "\n");

        Run run = runAt("http://127.0.0.1:1", TestServers.API_KEY, file.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot reach the service at http://127.0.0.1:1"), run.err());
        assertTrue(run.lastLine().startsWith("import: read=1 created=0"), run.lastLine());
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() throws IOException {
        Path file = write("usage.ndjson", offer("usage-1", "Usher", "Show guests to their seats.") + "\n");

        Run run = runAt("localhost:8080", TestServers.API_KEY, file.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--url must be an http(s) URL"), run.err());
    }

    @Test
    void aRefusedKeyIsFatal() throws IOException {
        Path file = write("refused.ndjson", offer("key-1", "Guard", "Patrol the site at night.") + "\n");

        Run run = runAt(server.getURL().toString(), "not-a-key-of-this-service", file.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("refused the API key (401"), run.err());
    }

    @Test
    void rowsOfASourceTheKeyLacksAreInvalidAndTheOthersGoIn() throws IOException {
        Path file = write(
                "mixed.ndjson",
                offer("own-1", "Cleaner", "Clean offices in the evening, five days a week.") + "\n"
                        + "{\"source\": \"feed-other\", \"externalId\": \"other-1\", \"title\": \"Porter\", "
                        + "\"description\": \"Carry luggage for hotel guests.\", \"language\": \"en\"}\n");
        Path errors = dir.resolve("forbidden.ndjson");

        Run run = runAt(
                server.getURL().toString(),
                OWN_SOURCE_KEY,
                "--source",
                "feed-own",
                "--errors",
                errors.toString(),
                file.toString());

        assertEquals(1, run.exitCode(), run.err());
        run.assertSummary(2, 1, 0, 0, 1);
        JsonNode bad = ndjson(errors).getFirst();
        assertEquals(file + ":2", bad.get("location").asText());
        assertEquals("source", bad.get("field").asText());
        assertEquals("other-1", bad.get("externalId").asText());
        assertEquals("Cleaner", stored("feed-own", "own-1").get("title").asText());
    }

    /**
     * A 503 with Retry-After is waited out and the chunk sent again. The real service cannot be made to shed a bulk
     * request on demand, so a small proxy in front of it answers the first request with a 503 (a fake for that one
     * answer) and forwards the others to the real service.
     */
    @Test
    void aShedRequestIsRetriedAfterItsRetryAfter() throws Exception {
        Path file = write("retry.ndjson", offer("retry-1", "Courier", "Deliver parcels by bike in the city.") + "\n");
        AtomicInteger requests = new AtomicInteger();
        HttpClient forward = HttpClient.newHttpClient();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try {
                HttpResponse<byte[]> answer = forward.send(
                        HttpRequest.newBuilder(server.getURI().resolve(exchange.getRequestURI()))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        exchange.getRequestHeaders().getFirst("Authorization"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        proxy.start();
        long started = System.nanoTime();
        Run run;
        try {
            run = runAt(
                    "http://127.0.0.1:" + proxy.getAddress().getPort(),
                    TestServers.API_KEY,
                    "--source",
                    "feed-retry",
                    file.toString());
        } finally {
            proxy.stop(0);
        }

        assertEquals(0, run.exitCode(), run.err());
        run.assertSummary(1, 1, 0, 0, 0);
        assertEquals(2, requests.get());
        assertTrue(System.nanoTime() - started >= 1_000_000_000L, "waited the Retry-After second");
        assertTrue(
                run.err().lines().anyMatch(line -> line.matches("import: 0 of about 1 rows done, 0 rows/s")),
                "off a terminal, a progress line every interval: " + run.err());
        assertEquals("Courier", stored("feed-retry", "retry-1").get("title").asText());
    }

    private Run run(String... args) {
        return runAt(server.getURL().toString(), TestServers.API_KEY, args);
    }

    private Run runAt(String url, String key, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--key", key));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ImportCommand command = new ImportCommand();
        command.progressInterval = PROGRESS_INTERVAL;
        int exitCode = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The stored offer of that source and external id, read back through GET /api/offers/{id}. */
    private JsonNode stored(String source, String externalId) {
        Api.Response listing = api.get("/api/offers?limit=100&source=" + source);
        assertEquals(200, listing.status(), listing.body());
        for (JsonNode offer : listing.json().get("offers")) {
            if (offer.get("externalId").asText().equals(externalId)) {
                Api.Response one = api.get("/api/offers/" + offer.get("id").asText());
                assertEquals(200, one.status(), one.body());
                return one.json();
            }
        }
        throw new AssertionError("no offer " + source + "/" + externalId + " in " + listing.body());
    }

    private static String offer(String externalId, String title, String description) {
        return "{\"externalId\": \"%s\", \"title\": \"%s\", \"description\": \"%s\", \"language\": \"en\"}"
                .formatted(externalId, title, description);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<JsonNode> ndjson(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(line -> {
                        try {
                            return Api.JSON.readTree(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
