package io.jobmatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The generated OpenAPI document names every route the router serves, so a new endpoint cannot be left out of it,
 * and names nothing the router does not serve; the document and its Swagger UI page are served with the right types.
 * The page and its scripts are static resources, which the router does not list.
 */
@MicronautTest
class ApiDocumentTest extends ServiceTest {

    /** Routes deliberately absent from the document, with the reason. */
    private static final Map<String, String> UNDOCUMENTED = Map.of(
            "GET /openapi.yml", "the document itself, not an operation of the API",
            "GET /", "redirects a browser to the candidate page in its language",
            "GET /{lang}", "the candidate page /{lang}/ (HTML), not an operation of the API",
            "POST /{lang}", "the candidate page's form (HTML), not an operation of the API",
            "GET /{lang}/recruiter", "the recruiter page (HTML), not an operation of the API");

    private static final Set<String> OPERATIONS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    Api api;
    Map<String, Object> document;

    @BeforeAll
    void readDocument() {
        api = new Api(server.getURL());
        document = new Yaml().load(api.get("/openapi.yml").body());
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> routes = routes();
        assertTrue(
                routes.containsAll(UNDOCUMENTED.keySet()),
                "an exclusion names a route that no longer exists: " + routes);
        Set<String> documented = documentedOperations();
        Set<String> missing = new TreeSet<>();
        for (String route : routes) {
            // Micronaut answers HEAD on every GET route; the document describes the GET.
            String operation = route.startsWith("HEAD ") ? "GET " + route.substring("HEAD ".length()) : route;
            if (!UNDOCUMENTED.containsKey(operation) && !documented.contains(operation)) {
                missing.add(route);
            }
        }
        assertEquals(
                Set.of(),
                missing,
                "routes missing from /openapi.yml; the deliberate omissions, each with its " + "reason, are "
                        + UNDOCUMENTED);
        assertTrue(documented.containsAll(List.of("POST /api/search", "GET /health")), documented.toString());
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> unserved = new TreeSet<>(documentedOperations());
        unserved.removeAll(routes());
        assertEquals(Set.of(), unserved, "operations in /openapi.yml that the service does not serve");
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesDeclareTheApiKeyAndReadsDoNot() {
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes");
        Map<String, Object> apiKey = (Map<String, Object>) schemes.get("apiKey");
        assertEquals("http", apiKey.get("type"));
        assertEquals("bearer", apiKey.get("scheme"));
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        Set<String> secured = new TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (OPERATIONS.contains(method) && operation.get("security") != null) {
                assertEquals(List.of(Map.of("apiKey", List.of())), operation.get("security"), method + " " + path);
                assertTrue(((Map<?, ?>) operation.get("responses")).containsKey("401"), method + " " + path);
                secured.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        assertEquals(
                Set.of(
                        "POST /api/offers",
                        "POST /api/offers/bulk",
                        "DELETE /api/offers/{id}",
                        "POST /api/index/reindex"),
                secured);
    }

    @Test
    void documentIsServedAsYaml() {
        Api.Response response = api.get("/openapi.yml");

        assertEquals(200, response.status());
        assertEquals(ApiDocument.YAML, response.contentType());
        assertTrue(document.get("openapi").toString().startsWith("3."), response.body());
        assertEquals("jobmatch", ((Map<?, ?>) document.get("info")).get("title"));
    }

    @Test
    void swaggerUiPageLoadsEverythingFromTheService() {
        Api.Response page = api.get("/api-docs");

        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("'/openapi.yml'"), "the page reads this service's document");
        assertFalse(
                Pattern.compile("https?://|[\"']//\\w").matcher(page.body()).find(), "the page names no other host");
        Matcher asset = Pattern.compile("\"(/api-docs/res/[^\"]+)\"").matcher(page.body());
        Map<String, String> types = Map.of("css", "text/css", "js", "application/javascript", "png", "image/png");
        int assets = 0;
        while (asset.find()) {
            String path = asset.group(1);
            Api.Response response = api.get(path);
            assertEquals(200, response.status(), path);
            assertEquals(types.get(path.substring(path.lastIndexOf('.') + 1)), response.contentType(), path);
            assets++;
        }
        assertEquals(5, assets, "swagger-ui.css, two favicons, swagger-ui-bundle.js, swagger-ui-standalone-preset.js");
    }

    /** "METHOD /path/{variable}" for every route; query variables are not part of an OpenAPI path. */
    private Set<String> routes() {
        return router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + path(route))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate()
                .toString()
                .replaceAll("\\{[?&#][^}]*}", "")
                .replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }

    @SuppressWarnings("unchecked")
    private Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(OPERATIONS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
