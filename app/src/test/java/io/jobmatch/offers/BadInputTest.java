package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request gets a 4xx RFC 9457 problem naming its bad fields, and nothing stored changes: the table
 * ends with a comparison of the whole offer table before and after.
 */
@MicronautTest
class BadInputTest extends ServiceTest {

    private static final String VALID = """
            {"externalId": "keep-1", "title": "Welder", "description": "MIG and TIG welding of steel frames.",
             "language": "en", "country": "GB"}""";
    private static final String SNAPSHOT = "select id, source, external_id, title, description, language, country, "
            + "status, updated_at from offer order by id";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    Api api;
    Sql sql;
    String keptId;
    List<List<String>> before;

    @BeforeAll
    void storeOneOffer() {
        api = new Api(server.getURL());
        sql = new Sql(dataSource);
        keptId = api.post("/api/offers", VALID).json().get("id").asText();
        before = sql.rows(SNAPSHOT);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("POST", "/api/offers", "{\"externalId\": \"keep-1\", \"title\": ", 400, null),
                arguments("POST", "/api/offers", "", 400, null),
                arguments("POST", "/api/offers", "[]", 400, "$"),
                arguments(
                        "POST",
                        "/api/offers",
                        "{\"title\": \"Welder\", \"description\": \"d\", \"language\": \"en\"}",
                        400,
                        "externalId"),
                arguments("POST", "/api/offers", replace("\"title\": \"Welder\"", "\"title\": \"  \""), 400, "title"),
                arguments("POST", "/api/offers", replace("\"title\": \"Welder\"", "\"title\": 42"), 400, "title"),
                arguments("POST", "/api/offers", replace("\"Welder\"", "\"" + "W".repeat(301) + "\""), 400, "title"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("MIG and TIG welding of steel frames.", "x".repeat(19_001)),
                        400,
                        "description"),
                arguments("POST", "/api/offers", replace("\"en\"", "\"english\""), 400, "language"),
                arguments("POST", "/api/offers", replace("\"en\"", "\"qq\""), 400, "language"),
                arguments("POST", "/api/offers", replace("\"GB\"", "\"UK\""), 400, "country"),
                arguments("POST", "/api/offers", replace("\"GB\"", "\"GB\", \"status\": \"ARCHIVED\""), 400, "status"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("\"GB\"", "\"GB\", \"employmentType\": \"SOMETIMES\""),
                        400,
                        "employmentType"),
                arguments("POST", "/api/offers", replace("\"GB\"", "\"GB\", \"remote\": \"yes\""), 400, "remote"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("\"GB\"", "\"GB\", \"datePosted\": \"24/11/2026\""),
                        400,
                        "datePosted"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("\"GB\"", "\"GB\", \"datePosted\": \"2026-11-20\", \"validThrough\": \"2026-11-01\""),
                        400,
                        "validThrough"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("\"GB\"", "\"GB\", \"url\": \"ftp://example.org/x\""),
                        400,
                        "url"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace(
                                "\"GB\"",
                                "\"GB\", \"salary\": {\"min\": 50000, \"max\": 40000, \"currency\": \"GBP\"}"),
                        400,
                        "salary.max"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace("\"GB\"", "\"GB\", \"salary\": {\"min\": 50000, \"currency\": \"POUNDS\"}"),
                        400,
                        "salary.currency"),
                arguments(
                        "POST",
                        "/api/offers",
                        replace(
                                "\"GB\"",
                                "\"GB\", \"salary\": {\"min\": -1, \"currency\": \"GBP\", \"period\": \"YEAR\"}"),
                        400,
                        "salary.min"),
                arguments("POST", "/api/offers", replace("\"GB\"", "\"GB\", \"salery\": 1"), 400, "salery"),
                arguments("POST", "/api/offers", replace("\"GB\"", "\"GB\", \"source\": \"a b\""), 400, "source"),
                arguments("POST", "/api/search", "{\"text\": \"\", \"language\": \"en\"}", 400, "text"),
                arguments("POST", "/api/search", "{\"text\": \"   \\n\\t \", \"language\": \"en\"}", 400, "text"),
                arguments("POST", "/api/search", "{\"language\": \"en\"}", 400, "text"),
                arguments("POST", "/api/search", "{\"text\": \"12345 678\"}", 400, "language"),
                arguments("POST", "/api/offers", replace("\"language\": \"en\",", ""), 400, "language"),
                arguments("POST", "/api/search", "{\"text\": \"welder\", \"language\": \"xx\"}", 400, "language"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"country\": \"ZZ\"}",
                        400,
                        "country"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"limit\": 0}",
                        400,
                        "limit"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"limit\": 2.5}",
                        400,
                        "limit"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"offset\": -1}",
                        400,
                        "offset"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"" + "cv ".repeat(7_000) + "\", \"language\": \"en\"}",
                        400,
                        "text"),
                arguments("POST", "/api/search", "not json", 400, null),
                arguments("GET", "/api/offers/00000000-0000-0000-0000-000000000000", null, 404, null),
                arguments("GET", "/api/offers/12345", null, 400, "id"),
                arguments("DELETE", "/api/offers/not-a-uuid", null, 400, "id"),
                arguments("DELETE", "/api/offers/00000000-0000-0000-0000-000000000000", null, 404, null),
                arguments("GET", "/api/no-such-route", null, 404, null),
                arguments("POST", "/api/offers/bulk", "{\"not\": \"an array\"}", 400, "$"),
                arguments("POST", "/api/offers/bulk", "null", 400, "$"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"limit\": \"ten\"}",
                        400,
                        "limit"),
                arguments("POST", "/api/search", "{\"limit\": 1e999, \"text\": \"a\"}", 400, "limit"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"mode\": \"magic\"}",
                        400,
                        "mode"),
                arguments(
                        "POST",
                        "/api/search",
                        "{\"text\": \"welder\", \"language\": \"en\", \"sort\": \"date\"}",
                        400,
                        "sort"),
                arguments("POST", "/api/search", "[\"welder\"]", 400, "$"),
                arguments("POST", "/api/search", search("\"maxPerCompany\": 0"), 400, "maxPerCompany"),
                arguments("POST", "/api/search", search("\"maxPerCompany\": 101"), 400, "maxPerCompany"),
                arguments("POST", "/api/search", search("\"remote\": \"yes\""), 400, "remote"),
                arguments(
                        "POST",
                        "/api/search",
                        search("\"employmentTypes\": [\"FULL_TIME\", \"GIG\"]"),
                        400,
                        "employmentTypes[1]"),
                arguments("POST", "/api/search", search("\"employmentTypes\": \"FULL_TIME\""), 400, "employmentTypes"),
                arguments("POST", "/api/search", search("\"postedAfter\": \"2026-13-01\""), 400, "postedAfter"),
                arguments("POST", "/api/search", search("\"city\": \"" + "x".repeat(121) + "\""), 400, "city"),
                arguments(
                        "POST",
                        "/api/search",
                        search("\"minSalary\": {\"amount\": 3000, \"currency\": \"EURO\", \"period\": \"MONTH\"}"),
                        400,
                        "minSalary.currency"),
                arguments(
                        "POST",
                        "/api/search",
                        search("\"minSalary\": {\"currency\": \"EUR\", \"period\": \"MONTH\"}"),
                        400,
                        "minSalary.amount"),
                arguments(
                        "POST",
                        "/api/search",
                        search("\"minSalary\": {\"amount\": 3000, \"currency\": \"EUR\", \"period\": \"WEEK\"}"),
                        400,
                        "minSalary.period"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?postedAfter=yesterday",
                        null,
                        400,
                        "postedAfter"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?employmentTypes=GIG",
                        null,
                        400,
                        "employmentTypes"),
                arguments("GET", "/api/countries?language=", null, 400, "language"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?limit=ten",
                        null,
                        400,
                        "limit"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?limit=500",
                        null,
                        400,
                        "limit"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?language=xx",
                        null,
                        400,
                        "language"),
                arguments(
                        "GET",
                        "/api/offers/00000000-0000-0000-0000-000000000000/similar?includeClosed=yes",
                        null,
                        400,
                        "includeClosed"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @MethodSource("badRequests")
    void badRequestGetsAProblemNamingTheField(String method, String path, String body, int status, String field) {
        Api.Response response = switch (method) {
            case "POST" -> api.post(path, "application/json", body);
            case "DELETE" -> api.delete(path);
            default -> api.get(path);
        };

        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        JsonNode problem = response.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), response.body());
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertTrue(fields.contains(field), "errors should name " + field + ": " + response.body());
        }
    }

    @Test
    void oneProblemNamesEveryBadFieldByItsJsonPath() {
        Api.Response response = api.post(
                "/api/offers",
                "application/json",
                replace(
                                "\"title\": \"Welder\"",
                                "\"title\": 42, \"remote\": \"yes\", \"salary\": {\"max\": \"lots\", \"currency\": \"POUNDS\"}, "
                                        + "\"datePosted\": \"2026-11-20\", \"validThrough\": \"2026-11-01\", \"salery\": 1")
                        .replace("\"en\"", "\"english\""));

        assertEquals(400, response.status(), response.body());
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(
                List.of("language", "remote", "salary.currency", "salary.max", "salery", "title", "validThrough"),
                fields,
                "every bad field at once, wrong JSON types included, by JSON path: " + response.body());
    }

    @Test
    void aWrongJsonTypeIsAFieldErrorNextToTheOthers() {
        Api.Response response = api.post(
                "/api/search",
                "application/json",
                "{\"text\": \"welder\", \"language\": \"en\", \"limit\": \"ten\", \"offset\": -1, \"mode\": 3}");

        assertEquals(400, response.status(), response.body());
        JsonNode errors = response.json().get("errors");
        assertEquals(3, errors.size(), response.body());
        assertEquals("limit", errors.at("/0/field").asText());
        assertEquals("must be an integer", errors.at("/0/message").asText());
        assertEquals("mode", errors.at("/1/field").asText());
        assertEquals("offset", errors.at("/2/field").asText());
    }

    @AfterAll
    void storedDataIsUnchanged() {
        assertEquals(before, sql.rows(SNAPSHOT), "no bad request changed a stored offer");
        assertEquals(
                "Welder", api.get("/api/offers/" + keptId).json().get("title").asText());
    }

    /** A valid search body with {@code field} added. */
    private static String search(String field) {
        return "{\"text\": \"welder\", \"language\": \"en\", " + field + "}";
    }

    private static String replace(String target, String replacement) {
        return VALID.replace(target, replacement);
    }
}
