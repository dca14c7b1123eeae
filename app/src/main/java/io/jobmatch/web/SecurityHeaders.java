package io.jobmatch.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security headers on every response, errors included. {@code X-Content-Type-Options: nosniff}, so a browser never
 * runs a JSON or text answer as a script. {@code Referrer-Policy: same-origin}: nothing the service links to (an
 * offer's own site) needs to know where a visitor came from, and a page URL may carry search words; not
 * {@code no-referrer}, under which browsers send {@code Origin: null} with the pages' own form posts, which
 * Micronaut's CORS check refuses with a 403. A Content-Security-Policy
 * only where the response has none (a page that sets its own keeps it): API answers may load nothing and be framed
 * by nobody; an HTML page gets a same-origin policy; the Swagger UI page at /api-docs may also run its one inline
 * script (allowed by its SHA-256, read from the page at startup) and the inline styles and data: images Swagger UI
 * draws with. A policy set by a controller, or by a filter whose response phase runs before this one's, is kept;
 * ordered first on the way in so that, filters being unwound in reverse, it comes last on the way out.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    private static final String API_DOCS = "/api-docs";
    private static final String API_DOCS_PAGE = "META-INF/swagger/views/swagger-ui/index.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String apiDocsPolicy = apiDocsPolicy();

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().contains("Referrer-Policy")) {
            response.header("Referrer-Policy", "same-origin");
        }
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", policy(request, response));
        }
    }

    private String policy(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (path.equals(API_DOCS) || path.startsWith(API_DOCS + "/")) {
            return apiDocsPolicy;
        }
        boolean html = response.getContentType()
                .map(type -> type.getName().equals(MediaType.TEXT_HTML))
                .orElse(false);
        return html ? PAGE_POLICY : API_POLICY;
    }

    private static String apiDocsPolicy() {
        List<String> hashes = new ArrayList<>();
        Matcher script = INLINE_SCRIPT.matcher(apiDocsPage());
        while (script.find()) {
            hashes.add("'sha256-" + sha256Base64(script.group(1)) + "'");
        }
        return "default-src 'self'; script-src 'self' " + String.join(" ", hashes)
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'none'";
    }

    private static String apiDocsPage() {
        try (InputStream page = SecurityHeaders.class.getClassLoader().getResourceAsStream(API_DOCS_PAGE)) {
            return page == null ? "" : new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
