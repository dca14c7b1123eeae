package io.jobmatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jobmatch.embeddings.InferenceAdmission.Urgency;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.model.InferenceQueue;
import io.jobmatch.support.Api;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of the running service, with the real model, Qdrant and PostgreSQL: {@code Server-Timing} on
 * searches, request ids in responses and logs, the Prometheus scrape, the health endpoints, a 503 when the model's
 * queue is full, and nothing from a CV in any of it. The queue holds no waiting search here ({@code queue-size 0}),
 * so occupying the model's one turn makes the next search shed.
 */
@MicronautTest
class ObservabilityTest extends ServiceTest {

    private static final Pattern SERVER_TIMING = Pattern.compile(
            "embed;dur=\\d+\\.\\d, qdrant;dur=\\d+\\.\\d, db;dur=\\d+\\.\\d, explain;dur=\\d+\\.\\d, total;dur=\\d+\\.\\d");

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    @Inject
    InferenceQueue queue;

    @Inject
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger jobmatch = (Logger) LoggerFactory.getLogger("io.jobmatch");
    private Level jobmatchLevel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("jobmatch.inference.queue-size", "0");
        properties.put("jobmatch.inference.retry-after", "2s");
        return properties;
    }

    @BeforeAll
    void loadSamplesAndCaptureLogs() {
        samples.load();
        logs.start();
        root.addAppender(logs);
        // Everything the service logs, down to DEBUG, is scanned for the CV.
        jobmatchLevel = jobmatch.getLevel();
        jobmatch.setLevel(Level.DEBUG);
    }

    @AfterAll
    void stopCapturing() {
        root.detachAppender(logs);
        jobmatch.setLevel(jobmatchLevel);
    }

    @Test
    void searchesCarryServerTimingAndRequestIdsAndNothingOfTheCvLeaks() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "");
        String cv = Resources.text("cvs/en-accountant.txt") + "\nReference " + marker + " and more " + marker;

        HttpResponse<String> search = post("/api/search", Api.searchBody(cv, "en"), "trace-" + marker.substring(2, 10));
        HttpResponse<String> refused =
                post("/api/search", Api.searchBody(cv + " salery", "en").put("limit", "ten"), "not a sane id <script>");

        assertEquals(200, search.statusCode(), search.body());
        String timing = search.headers().firstValue("Server-Timing").orElse("");
        assertTrue(SERVER_TIMING.matcher(timing).matches(), timing);
        assertEquals(
                "trace-" + marker.substring(2, 10),
                search.headers().firstValue("X-Request-Id").orElse(""),
                "a sane incoming id is kept");
        assertEquals(400, refused.statusCode());
        String generated = refused.headers().firstValue("X-Request-Id").orElse("");
        assertEquals(generated, UUID.fromString(generated).toString(), "an insane id is replaced by a new UUID");
        assertTrue(
                logs.list.stream()
                        .anyMatch(event -> event.getLoggerName().endsWith("SearchController")
                                && ("trace-" + marker.substring(2, 10))
                                        .equals(event.getMDCPropertyMap().get("requestId"))),
                "the search's log line carries its request id");

        HttpResponse<String> scrape = get("/prometheus");
        assertEquals(200, scrape.statusCode());
        String metrics = scrape.body();
        for (String expected : new String[] {
            "http_server_requests_seconds_bucket{",
            "uri=\"/api/search\"",
            "jobmatch_search_seconds_bucket{mode=\"hybrid\"",
            "jobmatch_search_stage_seconds_count{stage=\"embed\"}",
            "jobmatch_search_stage_seconds_count{stage=\"qdrant\"}",
            "jobmatch_search_stage_seconds_count{stage=\"db\"}",
            "jobmatch_search_stage_seconds_count{stage=\"explain\"}",
            "jobmatch_model_time_seconds_count{kind=\"search\"}",
            "jobmatch_embedding_cache_hit_ratio",
            "jobmatch_inference_queue{kind=\"search\"}",
            "jobmatch_inference_shed_total",
            "jobmatch_index_backlog",
            "jobmatch_index_lag_seconds"
        }) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }

        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(cv.getBytes(StandardCharsets.UTF_8)));
        String everythingLogged = String.join(
                "\n",
                logs.list.stream()
                        .map(event -> event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " "
                                + (event.getThrowableProxy() == null
                                        ? ""
                                        : event.getThrowableProxy().getMessage()))
                        .toList());
        assertFalse(logs.list.isEmpty(), "something was logged and scanned");
        for (String secret : new String[] {marker, hash, cv.substring(0, 40)}) {
            assertFalse(metrics.contains(secret), "the CV leaked into /prometheus");
            assertFalse(everythingLogged.contains(secret), "the CV leaked into the logs");
        }
    }

    @Test
    void aFullModelQueueShedsSearchesAtOnceWithRetryAfter() throws Exception {
        awaitIdleModel();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> busy = CompletableFuture.supplyAsync(
                () -> queue.admit(Urgency.INTERACTIVE, () -> {
                    inside.countDown();
                    try {
                        return release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }),
                threads);
        assertTrue(inside.await(60, TimeUnit.SECONDS), "the model's turn was never free: " + modelState());
        HttpResponse<String> shed;
        try {
            shed = post(
                    "/api/search",
                    Api.searchBody("Night nurse for an intensive care unit, " + UUID.randomUUID(), "en"),
                    null);
        } finally {
            release.countDown();
            busy.get(10, TimeUnit.SECONDS);
        }

        assertEquals(503, shed.statusCode(), shed.body());
        assertEquals(
                "application/problem+json",
                shed.headers().firstValue("Content-Type").orElse(""));
        assertEquals("2", shed.headers().firstValue("Retry-After").orElse(""));
        assertEquals(
                "urn:jobmatch:problem:unavailable",
                Api.JSON.readTree(shed.body()).get("type").asText());
        HttpResponse<String> after = post("/api/search", Api.searchBody("Night nurse, intensive care", "en"), null);
        assertEquals(200, after.statusCode(), "the next search, with the model free, is answered");
        assertTrue(get("/prometheus").body().matches("(?s).*jobmatch_inference_shed_total [1-9].*"));
    }

    @Test
    void livenessAndReadinessAreSeparateAndUpOnceTheIndexCaughtUp() throws Exception {
        HttpResponse<String> liveness = get("/health/liveness");
        assertEquals(200, liveness.statusCode(), liveness.body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> readiness = get("/health/readiness");
        while (readiness.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            readiness = get("/health/readiness");
        }
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("\"index\""), readiness.body());
        assertTrue(readiness.body().contains("\"caughtUp\":true"), readiness.body());
        assertNotEquals(liveness.body(), readiness.body(), "liveness does not wait for the index");
    }

    /** Background indexing of the samples (the sweep may still run) finished: nothing runs or waits. */
    private void awaitIdleModel() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!modelState().equals("running=0.0 searches=0.0 indexing=0.0")) {
            assertTrue(System.nanoTime() < deadline, "the model never fell idle: " + modelState());
            Thread.sleep(100);
        }
    }

    private String modelState() {
        return "running=" + registry.get("jobmatch.inference.running").gauge().value() + " searches="
                + registry.get("jobmatch.inference.queue")
                        .tag("kind", "search")
                        .gauge()
                        .value() + " indexing="
                + registry.get("jobmatch.inference.queue")
                        .tag("kind", "indexing")
                        .gauge()
                        .value();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Object body, String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
