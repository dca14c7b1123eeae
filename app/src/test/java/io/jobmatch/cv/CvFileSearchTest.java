package io.jobmatch.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.RawHttp;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/search/file} with the real service: CV files of every accepted type, built in the test, find the
 * offers their text finds when pasted; every hostile or broken file gets its problem+json quickly, and the service
 * stays healthy.
 */
@MicronautTest
class CvFileSearchTest extends ServiceTest {

    private static final String ACCOUNTANT = Resources.text("cvs/en-accountant.txt");

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    @Inject
    CvTextExtractor extractor;

    Api api;

    @BeforeAll
    void loadSamples() {
        api = new Api(server.getURL());
        samples.load();
        // The first file of each kind loads the parser's classes; the timings below are of a warm service.
        upload("warm.pdf", CvFiles.pdf(ACCOUNTANT), Map.of("language", "en"));
        upload("warm.docx", CvFiles.docx(ACCOUNTANT), Map.of("language", "en"));
        upload("warm.html", CvFiles.html(ACCOUNTANT), Map.of("language", "en"));
    }

    @Test
    void aDocxCvFindsItsOfferAsThePastedTextDoes() {
        JsonNode response =
                upload("cv.docx", CvFiles.docx(Resources.text("cvs/de-nurse.txt")), Map.of("language", "de"));

        assertTrue(topThree(response).contains("de-003"), topThree(response).toString());
        assertEquals(externalIds(pasted(response.get("extractedText").asText(), "de")), externalIds(response));
        assertFalse(response.get("truncated").asBoolean());
        assertEquals(
                response.get("extractedText").asText().length(),
                response.get("extractedChars").asInt());
    }

    @Test
    void aPdfCvFindsItsOfferAsThePastedTextDoes() {
        JsonNode response = upload("cv.pdf", CvFiles.pdf(ACCOUNTANT), Map.of("language", "en"));

        assertTrue(topThree(response).contains("en-005"), topThree(response).toString());
        assertEquals(externalIds(pasted(response.get("extractedText").asText(), "en")), externalIds(response));
        assertEquals("en", response.get("language").asText());
    }

    @Test
    void withoutLanguageTheCvsDetectedLanguageFiltersAsInAPastedSearch() {
        JsonNode response = upload("cv.odt", CvFiles.odt(Resources.text("cvs/fr-nurse.txt")), Map.of());

        assertEquals("fr", response.get("detectedLanguage").asText());
        response.get("results")
                .forEach(r -> assertEquals("fr", r.at("/offer/language").asText()));
    }

    static Stream<Arguments> acceptedTypes() {
        return Stream.of(
                Arguments.of("docx", (Function<String, byte[]>) CvFiles::docx),
                Arguments.of("pdf", (Function<String, byte[]>) CvFiles::pdf),
                Arguments.of("odt", (Function<String, byte[]>) CvFiles::odt),
                Arguments.of("rtf", (Function<String, byte[]>) CvFiles::rtf),
                Arguments.of("html", (Function<String, byte[]>) CvFiles::html),
                Arguments.of("txt", (Function<String, byte[]>)
                        text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Each type's text comes back whole, whatever the file is called: the type is read from the content. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTypes")
    void everyAcceptedTypeGivesItsText(String type, Function<String, byte[]> build) {
        JsonNode response = upload("no-extension", build.apply(ACCOUNTANT), Map.of("language", "en", "limit", "3"));

        String extracted = oneLine(response.get("extractedText").asText());
        for (String line : ACCOUNTANT.split("\n")) {
            assertTrue(extracted.contains(oneLine(line)), type + " lost the line: " + line);
        }
        assertFalse(extracted.contains("color"), "no style sheet in the text");
        assertFalse(extracted.contains("script"), "no script in the text");
        assertEquals(3, response.get("results").size());
    }

    @Test
    void aCvLongerThanTheModelInputIsCutAndSaysSo() {
        String longCv = (ACCOUNTANT + "\n\n").repeat(20);
        JsonNode response =
                upload("long.txt", longCv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("language", "en"));

        assertTrue(response.get("truncated").asBoolean());
        String searched = response.get("extractedText").asText();
        assertTrue(searched.length() <= EmbeddingEngine.MAX_TEXT_CHARS, "searched " + searched.length());
        assertTrue(searched.length() > EmbeddingEngine.MAX_TEXT_CHARS - 200, "cut near the limit, at a word end");
        assertTrue(response.get("extractedChars").asInt() > EmbeddingEngine.MAX_TEXT_CHARS);
        assertTrue(longCv.startsWith(searched.substring(0, 1000)));
    }

    record Hostile(String name, Supplier<byte[]> file, int status, String type, boolean boundedToTwoSeconds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileFiles() {
        return Stream.of(
                new Hostile(
                        "zip bomb DOCX (1 GiB inflated)",
                        () -> CvFiles.zipBombDocx(1L << 30),
                        422,
                        "hostile-file",
                        true),
                new Hostile(
                        "HTML nested 100,000 deep", () -> CvFiles.deeplyNestedHtml(100_000), 422, "hostile-file", true),
                new Hostile("RTF groups nested 100,000 deep", () -> CvFiles.deeplyNestedRtf(100_000), 0, null, true),
                new Hostile("encrypted PDF", () -> CvFiles.encryptedPdf(ACCOUNTANT), 422, "encrypted-file", true),
                new Hostile("encrypted DOCX", () -> CvFiles.encryptedDocx(ACCOUNTANT), 422, "encrypted-file", true),
                new Hostile("image-only PDF (a scan)", CvFiles::imageOnlyPdf, 422, "no-text", false),
                new Hostile("PNG image", CvFiles::png, 422, "no-text", false),
                new Hostile("empty file", () -> new byte[0], 422, "empty-file", false),
                new Hostile(
                        "random bytes", () -> CvFiles.randomBytes(100_000, 42), 415, "unsupported-file-type", false),
                new Hostile("corrupt PDF (header, then noise)", CvFiles::corruptPdf, 422, "unreadable-file", false),
                new Hostile("truncated DOCX", () -> Arrays.copyOf(CvFiles.docx(ACCOUNTANT), 3000), 0, null, false),
                new Hostile("11 MB text file", () -> CvFiles.bigText(11 * 1024 * 1024), 413, "file-too-large", false),
                new Hostile("zip archive", () -> CvFiles.zipArchive(ACCOUNTANT), 415, "unsupported-file-type", false));
    }

    /**
     * Every refused file is a problem+json 4xx with the reason's type. Status 0 in the table means "any 4xx": a
     * truncated DOCX may be judged damaged or not a DOCX at all, and a deeply nested RTF may be refused or read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileAndBrokenFilesGetTheirProblemQuickly(Hostile hostile) {
        byte[] file = hostile.file().get();
        long start = System.nanoTime();
        Api.Response response = api.postMultipart("/api/search/file", Map.of("language", "en"), "cv.pdf", file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "hostile-file: %s (%,d bytes) -> %d %s in %d ms%n",
                hostile.name(),
                file.length,
                response.status(),
                response.status() == 200
                        ? "(read)"
                        : response.json().get("type").asText(),
                millis);

        if (hostile.status() == 0) {
            assertTrue(response.status() == 200 || response.status() / 100 == 4, response.body());
        } else {
            assertEquals(hostile.status(), response.status(), response.body());
            assertEquals("application/problem+json", response.contentType());
            assertEquals(
                    "urn:jobmatch:problem:" + hostile.type(),
                    response.json().get("type").asText());
        }
        if (response.status() != 200) {
            assertEquals("application/problem+json", response.contentType());
            assertFalse(response.body().contains("Exception"), "no stack trace or exception name: " + response.body());
        }
        if (hostile.boundedToTwoSeconds()) {
            assertTrue(millis < 2_000, hostile.name() + " took " + millis + " ms");
        }
        Api.Response health = api.get("/health");
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json().get("status").asText());
    }

    /**
     * Sent over a raw socket that reads while it writes: the service answers before it has read the body, and the
     * JDK's HttpClient, still sending, can miss that answer and wait forever.
     */
    @Test
    void aBodyPastMicronautsOwnLimitIsAProblemToo() {
        Api.Multipart upload = Api.Multipart.of(Map.of(), "huge.txt", CvFiles.bigText(21 * 1024 * 1024));
        RawHttp.Response response = new RawHttp(server.getHost(), server.getPort())
                .send(
                        "POST",
                        "/api/search/file".getBytes(StandardCharsets.US_ASCII),
                        upload.contentType(),
                        null,
                        upload.body());

        assertEquals(413, response.status(), response.text());
        assertTrue(
                response.text().toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"),
                response.text());
        assertEquals(200, api.get("/health").status());
    }

    @Test
    void badFieldsAreNamed() {
        byte[] cv = CvFiles.docx(ACCOUNTANT);
        assertField("file", api.postMultipart("/api/search/file", Map.of("language", "en"), null, null));
        assertField("limit", api.postMultipart("/api/search/file", Map.of("limit", "0"), "cv.docx", cv));
        assertField("limit", api.postMultipart("/api/search/file", Map.of("limit", "ten"), "cv.docx", cv));
        assertField("language", api.postMultipart("/api/search/file", Map.of("language", "xx"), "cv.docx", cv));
        assertField("mode", api.postMultipart("/api/search/file", Map.of("mode", "fuzzy"), "cv.docx", cv));
        assertField("country", api.postMultipart("/api/search/file", Map.of("country", "ZZZ"), "cv.docx", cv));
        assertField("remote", api.postMultipart("/api/search/file", Map.of("remote", "yes"), "cv.docx", cv));
    }

    @Test
    void filtersApplyAsInAPastedSearch() {
        JsonNode response = upload(
                "cv.docx",
                CvFiles.docx(ACCOUNTANT),
                Map.of("language", "en", "country", "GB", "mode", "keyword", "limit", "5"));
        JsonNode pasted = api.post(
                        "/api/search",
                        Api.searchBody(response.get("extractedText").asText(), "en")
                                .put("country", "GB")
                                .put("mode", "keyword")
                                .put("limit", 5))
                .json();

        assertEquals("keyword", response.get("mode").asText());
        assertEquals(externalIds(pasted), externalIds(response));
        response.get("results")
                .forEach(r -> assertEquals("GB", r.at("/offer/country").asText()));
    }

    /** Extraction alone, median of ten, for the README's figure: a two-page CV as PDF and as DOCX. */
    @Test
    void twoPageCvsAreReadQuickly() throws Exception {
        String twoPages = Resources.text("cvs/long-en-java-developer.txt");
        byte[] pdf = CvFiles.pdf(twoPages);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages());
        }
        byte[] docx = CvFiles.docx(twoPages);
        long pdfMedian = medianMillis(() -> extractor.extract(pdf));
        long docxMedian = medianMillis(() -> extractor.extract(docx));
        System.out.printf(
                "cv-extraction: %d chars, pdf 2 pages (%,d bytes) median %d ms, docx (%,d bytes) median %d ms%n",
                twoPages.length(), pdf.length, pdfMedian, docx.length, docxMedian);
        assertTrue(pdfMedian < 2_000 && docxMedian < 2_000);
    }

    /** Line breaks differ by format (a PDF wraps long lines): compared as one line of single spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static long medianMillis(Runnable task) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            task.run();
            if (i > 0) {
                times.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private void assertField(String field, Api.Response response) {
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(field, response.json().at("/errors/0/field").asText(), response.body());
    }

    private JsonNode upload(String name, byte[] file, Map<String, String> fields) {
        Api.Response response = api.postMultipart("/api/search/file", fields, name, file);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private JsonNode pasted(String text, String language) {
        Api.Response response = api.post("/api/search", Api.searchBody(text, language));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<String> externalIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("results").forEach(r -> ids.add(r.at("/offer/externalId").asText()));
        return ids;
    }

    private static List<String> topThree(JsonNode response) {
        List<String> ids = externalIds(response);
        return ids.subList(0, Math.min(3, ids.size()));
    }
}
