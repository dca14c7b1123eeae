package io.jobmatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.ServiceTest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every response carries the security headers, a page's own Content-Security-Policy is kept, and CORS answers the
 * board's configured origin only (enabled here as an operator would; it is off by default).
 */
@MicronautTest
class SecurityHeadersTest extends ServiceTest {

    static final String BOARD = "https://board.example";

    @Inject
    EmbeddedServer server;

    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.server.cors.enabled", "true");
        properties.put("micronaut.server.cors.configurations.board.allowed-origins", BOARD);
        properties.put(OWN_POLICY_PAGE, "true");
        return properties;
    }

    static final String OWN_POLICY_PAGE = "security-headers-test.own-policy-page";
    static final String OWN_POLICY = "default-src 'none'; style-src 'self'";

    /** A page that sets its own policy, as the board's pages do; only in this test's context. */
    @Requires(property = OWN_POLICY_PAGE, value = "true")
    @Controller("/test-own-policy")
    static class OwnPolicyPage {
        @Get(produces = MediaType.TEXT_HTML)
        io.micronaut.http.HttpResponse<String> page() {
            return io.micronaut.http.HttpResponse.ok("<p>own policy</p>").header("Content-Security-Policy", OWN_POLICY);
        }
    }

    @Test
    void aPagesOwnPolicyIsKept() throws Exception {
        HttpResponse<String> page = send(get("/test-own-policy"));

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(List.of(OWN_POLICY), page.headers().allValues("Content-Security-Policy"));
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    }

    @Test
    void everyResponseCarriesTheHeaders() throws Exception {
        for (HttpRequest request : new HttpRequest[] {
            get("/api/countries?language=en"),
            get("/api/countries?language=xx"),
            get("/no/such/route"),
            get("/openapi.yml"),
            get("/health"),
            HttpRequest.newBuilder(uri("/api/offers"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build()
        }) {
            HttpResponse<String> response = send(request);
            assertEquals(
                    "nosniff",
                    header(response, "X-Content-Type-Options"),
                    request.uri().toString());
            assertEquals("same-origin", header(response, "Referrer-Policy"));
            assertEquals(SecurityHeaders.API_POLICY, header(response, "Content-Security-Policy"), request.uri() + "");
        }
    }

    @Test
    void theSwaggerUiPageMayRunItsOwnScriptAndAssetsOnly() throws Exception {
        HttpResponse<String> page = send(get("/api-docs"));
        String policy = header(page, "Content-Security-Policy");

        Matcher script =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertTrue(script.find(), "the page has its inline script");
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "'"), policy);
        String scripts =
                policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
        assertFalse(scripts.contains("'unsafe-inline'"), "no inline script but the page's own: " + policy);
        assertTrue(policy.startsWith("default-src 'self'"), policy);
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
        HttpResponse<String> bundle = send(get("/api-docs/res/swagger-ui-bundle.js"));
        assertEquals(200, bundle.statusCode());
        assertEquals(policy, header(bundle, "Content-Security-Policy"));
    }

    @Test
    void corsAnswersTheBoardsOriginAndNoOther() throws Exception {
        HttpResponse<String> allowed = send(preflight(BOARD));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(BOARD, header(allowed, "Access-Control-Allow-Origin"));

        HttpResponse<String> refused = send(preflight("https://elsewhere.example"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(null, header(refused, "Access-Control-Allow-Origin"));

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/countries?language=en"))
                .header("Origin", BOARD)
                .build());
        assertEquals(BOARD, header(read, "Access-Control-Allow-Origin"));
        HttpResponse<String> foreignRead = send(HttpRequest.newBuilder(uri("/api/countries?language=en"))
                .header("Origin", "https://elsewhere.example")
                .build());
        assertEquals(null, header(foreignRead, "Access-Control-Allow-Origin"));
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(uri("/api/offers"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
