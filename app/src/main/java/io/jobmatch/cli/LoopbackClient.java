package io.jobmatch.cli;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The benchmarks' HTTP client for a service on this machine: JSON in, status, headers and JSON out. */
final class LoopbackClient {

    /** One answer: status, the time it took as the client saw it, and its body and headers. */
    record Answer(int status, long nanos, String body, HttpResponse<String> raw) {

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** {@code Server-Timing} as stage name to milliseconds. */
        Map<String, Double> serverTiming() {
            Map<String, Double> stages = new LinkedHashMap<>();
            header("Server-Timing").ifPresent(value -> {
                for (String entry : value.split(",")) {
                    String[] parts = entry.strip().split(";dur=");
                    if (parts.length == 2) {
                        stages.put(parts[0], Double.parseDouble(parts[1]));
                    }
                }
            });
            return stages;
        }
    }

    // HTTP/1.1, what the service speaks without TLS: the default, HTTP/2, would offer an h2c upgrade the service
    // declines, on every new connection.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final JsonMapper json;
    private final Duration timeout;

    LoopbackClient(String base, JsonMapper json, Duration timeout) {
        this.base = base;
        this.json = json;
        this.timeout = timeout;
    }

    Answer get(String path) {
        return get(path, Map.of());
    }

    Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    JsonNode read(Answer answer) {
        try {
            return json.readValue(answer.body(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + answer.status() + ")", e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), System.nanoTime() - start, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
