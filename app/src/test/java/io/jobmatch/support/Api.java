package io.jobmatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client for tests: returns every status with its raw body instead of throwing on 4xx, so error
 * responses can be asserted exactly as a client sees them. Writes (POST, PUT, DELETE) carry
 * {@code Authorization: Bearer} {@link TestServers#API_KEY} unless {@link #withKey} says otherwise.
 *
 * <p>An accepted offer write (2xx) returns once the index has caught up with it ({@code GET /api/index/status}
 * shows nothing pending), as a test that writes and then searches needs now that indexing runs in the background;
 * {@link #withoutIndexWait} returns at once, for tests of the indexing queue itself or with Qdrant down.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INDEX_WAIT = Duration.ofMinutes(3);
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final String key;
    private final boolean indexWait;

    public Api(URL base) {
        this(URI.create(base.toString()), TestServers.API_KEY, true);
    }

    private Api(URI base, String key, boolean indexWait) {
        this.base = base;
        this.key = key;
        this.indexWait = indexWait;
    }

    /** The same client sending {@code key} on writes instead, or no {@code Authorization} header when null. */
    public Api withKey(String key) {
        return new Api(base, key, indexWait);
    }

    /** The same client, returning from offer writes without waiting for the index. */
    public Api withoutIndexWait() {
        return new Api(base, key, false);
    }

    /** Waits until the index has nothing pending (tasks failed for good do not count), at most 3 minutes. */
    public void awaitIndexed() {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        Response status;
        do {
            status = getWithKey("/api/index/status");
            if (status.status() == 200 && status.json().get("pending").asLong() == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the index still had work pending " + INDEX_WAIT + " after a write: " + status);
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET that sends the key, as a read behind a key ({@code GET /api/index/status}) needs. */
    public Response getWithKey(String path) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    public Response delete(String path) {
        return indexed(
                path, send(authorized(HttpRequest.newBuilder(base.resolve(path)).DELETE())));
    }

    public Response post(String path, Object json) {
        return post(path, "application/json", json instanceof String s ? s : write(json));
    }

    public Response post(String path, String contentType, String body) {
        return indexed(
                path,
                send(authorized(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)))));
    }

    private Response indexed(String path, Response response) {
        if (indexWait && path.startsWith("/api/offers") && response.status() / 100 == 2) {
            awaitIndexed();
        }
        return response;
    }

    /**
     * A {@code multipart/form-data} POST, as a browser's form sends it: each field as a text part, then the file as
     * the part named {@code file} (none when {@code file} is null).
     */
    public Response postMultipart(String path, Map<String, String> fields, String fileName, byte[] file) {
        Multipart multipart = Multipart.of(fields, fileName, file);
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
    }

    /** A {@code multipart/form-data} body and the Content-Type that names its boundary. */
    public record Multipart(String contentType, byte[] body) {

        public static Multipart of(Map<String, String> fields, String fileName, byte[] file) {
            String boundary = "----jobmatch-test-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            if (file != null) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    /** A search body with the given text and language (more fields can be set on the returned node). */
    public static ObjectNode searchBody(String text, String language) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            // A bound, so a request the service never answers fails its test instead of hanging the build.
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofMinutes(3)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
