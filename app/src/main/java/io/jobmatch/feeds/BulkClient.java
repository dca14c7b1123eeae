package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code POST /api/offers/bulk} over the JDK's HTTP client: one chunk of offers in, the service's results out. A 503
 * or 429 is retried after its {@code Retry-After} (capped), and a connection closed without an answer after a pause,
 * a few times: resending a chunk is safe, since offers are upserted by source and external id. A service that cannot
 * be reached, or any other status than 200, stops the import. The JDK client and this loop rather than a retry
 * library: the policy is these few lines, and Retry-After (seconds or an HTTP date) has to be read here anyway.
 */
public final class BulkClient {

    static final int MAX_ATTEMPTS = 6;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String key;
    private final Duration timeout;
    private final ObjectMapper json;

    /**
     * @param baseUrl the service, e.g. {@code http://localhost:8080}
     * @param key     the API key sent as a bearer token (none when null)
     * @param timeout the longest a chunk may take, indexing included
     */
    public BulkClient(String baseUrl, String key, Duration timeout, ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/offers/bulk");
        this.key = key;
        this.timeout = timeout;
        this.json = json;
    }

    /** The service's answer to {@code offers}: its {@code results}, one per offer, in order. */
    JsonNode send(ArrayNode offers) throws InterruptedException {
        byte[] body = bytes(offers);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == MAX_ATTEMPTS;
            HttpResponse<String> response;
            try {
                response = post(body);
            } catch (ConnectException | HttpConnectTimeoutException unreachable) {
                throw new ImportFailedException(
                        "cannot reach the service at " + endpoint + ": " + reason(unreachable), unreachable);
            } catch (IOException lost) {
                if (last) {
                    throw new ImportFailedException(
                            "the service at " + endpoint + " closed the connection without answering, " + MAX_ATTEMPTS
                                    + " times: " + reason(lost),
                            lost);
                }
                Thread.sleep(DEFAULT_WAIT.toMillis()); // the chunk may have gone in: sending it again is safe
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return results(response, offers.size());
            }
            if ((status == 503 || status == 429) && !last) {
                Thread.sleep(retryAfter(response).toMillis());
                continue;
            }
            throw new ImportFailedException(refusal(status, response));
        }
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JDK's connection errors often carry their reason only on a cause ("Connection refused"). */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private JsonNode results(HttpResponse<String> response, int sent) {
        try {
            JsonNode results = json.readTree(response.body()).path("results");
            if (results.isArray() && results.size() == sent) {
                return results;
            }
        } catch (IOException unreadable) {
            // reported below
        }
        throw new ImportFailedException("the service at " + endpoint + " answered 200 without one result per offer");
    }

    private String refusal(int status, HttpResponse<String> response) {
        String detail = problemDetail(response).map(d -> ": " + d).orElse("");
        return switch (status) {
            case 401 ->
                "the service refused the API key (401" + detail + "); pass a valid one with --key or JOBMATCH_API_KEY";
            case 403 -> "the API key may not write here (403" + detail + ")";
            case 503, 429 ->
                "the service is unavailable (" + status + detail + "), still after " + MAX_ATTEMPTS + " attempts";
            default -> "the service answered " + status + detail;
        };
    }

    private Optional<String> problemDetail(HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            JsonNode detail = problem.path("detail");
            return detail.isTextual() ? Optional.of(detail.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most {@link #LONGEST_WAIT}; 2 s when absent. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) {
            return DEFAULT_WAIT;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException notADate) {
                wait = DEFAULT_WAIT;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private byte[] bytes(ArrayNode offers) {
        try {
            return json.writeValueAsBytes(offers);
        } catch (IOException e) {
            throw new IllegalStateException("offers read as JSON always write back", e);
        }
    }
}
