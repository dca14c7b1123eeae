package io.jobmatch.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A file whose text takes longer to read than {@code jobmatch.cv.extraction-timeout} is a 422, answered at the
 * deadline. The deadline is lowered to 200 ms here so that real parsing of a real (long) PDF overruns it: no file
 * that takes ten seconds would be a reasonable test input.
 */
@MicronautTest
class CvExtractionTimeoutTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jobmatch.cv.extraction-timeout", "200ms");
        return properties;
    }

    @Test
    void aSlowExtractionIsA422AtTheDeadline() {
        byte[] longPdf =
                CvFiles.pdf(Resources.text("cvs/long-en-java-developer.txt").repeat(150));
        Api api = new Api(server.getURL());
        // The first upload creates the extractor (Tika loads its type database): not part of any extraction's time.
        assertEquals(
                415,
                api.postMultipart("/api/search/file", Map.of(), "warm", CvFiles.randomBytes(100, 1))
                        .status());

        long start = System.nanoTime();
        Api.Response response = api.postMultipart("/api/search/file", Map.of("language", "en"), "cv.pdf", longPdf);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(422, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(
                "urn:jobmatch:problem:extraction-timeout",
                response.json().get("type").asText());
        assertTrue(millis < 2_000, "answered at the deadline, not when parsing ends: " + millis + " ms");
        assertEquals(200, api.get("/health").status());
    }
}
