package io.jobmatch.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile requests: JSON of random types and nesting written as text (so keys can repeat and numbers
 * can be 1e999), huge strings, invalid UTF-8, 10,000 open brackets, wrong content types, and paths with dot segments,
 * encoded slashes, bad escapes, great length and odd methods.
 */
final class FuzzRequests {

    /** One request: method, raw request target (path and query), content type (null: none) and body. */
    record FuzzRequest(String method, byte[] target, String contentType, byte[] body) {
        @Override
        public String toString() {
            String shownBody = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + new String(target, 0, Math.min(target.length, 300), StandardCharsets.UTF_8) + " ["
                    + contentType + "] " + body.length + " bytes: " + shownBody;
        }
    }

    /** Field names the API knows (offers, searches, salary), so random objects often reach field validation. */
    private static final List<String> FIELDS = List.of(
            "text",
            "language",
            "country",
            "limit",
            "offset",
            "mode",
            "remote",
            "employmentTypes",
            "postedAfter",
            "city",
            "minSalary",
            "maxPerCompany",
            "collapseDuplicates",
            "source",
            "externalId",
            "title",
            "description",
            "company",
            "employmentType",
            "salary",
            "min",
            "max",
            "currency",
            "period",
            "amount",
            "datePosted",
            "validThrough",
            "url",
            "status",
            "id",
            "createdAt",
            "languageConfidence");

    private static final List<String> NUMBERS = List.of(
            "1e999",
            "-1e999",
            "1e-999",
            "0",
            "-0",
            "1",
            "-1",
            "10",
            "100",
            "101",
            "2147483648",
            "-2147483649",
            "99999999999999999999999999999999999999",
            "1.5",
            "0.0000001",
            "1E+2",
            "NaN",
            "Infinity",
            "-Infinity",
            "01",
            "1.",
            ".5",
            "0x10",
            "1e",
            "--1");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=ISO-8859-1",
            "application/x-ndjson",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/problem+json",
            "*/*",
            "application/json;;;",
            "garbage",
            "");

    private static final List<String> METHODS =
            List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO", "CONNECT");

    private FuzzRequests() {}

    /** JSON text, valid or nearly so, of random types and nesting. */
    static Arbitrary<String> json() {
        return Arbitraries.recursive(FuzzRequests::scalar, FuzzRequests::container, 0, 4);
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        5,
                        Arbitraries.of(
                                "null",
                                "true",
                                "false",
                                "\"\"",
                                "\"en\"",
                                "\"fr\"",
                                "\"FR\"",
                                "\"EUR\"",
                                "\"YEAR\"",
                                "\"hybrid\"",
                                "\"dense\"",
                                "\"keyword\"",
                                "\"FULL_TIME\"",
                                "\"2026-01-01\"",
                                "\"https://example.org/job\"",
                                "\"Java developer with Kafka and PostgreSQL\"",
                                "\"../..\"",
                                "\"\\u0000\"",
                                "\"\\ud800\"",
                                "\"\\\"\"",
                                "{}",
                                "[]")),
                Tuple.of(4, Arbitraries.of(NUMBERS)),
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(60).map(FuzzRequests::quoted)),
                // Past every length limit (20,000 for a CV), so they are refused before any model work.
                Tuple.of(1, Arbitraries.integers().between(20_001, 120_000).map(length -> quoted("x".repeat(length)))));
    }

    private static Arbitrary<String> container(Arbitrary<String> element) {
        Arbitrary<String> key = Arbitraries.oneOf(
                        Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12))
                .map(FuzzRequests::quoted);
        Arbitrary<String> member = Combinators.combine(key, element).as((k, v) -> k + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
        Arbitrary<String> array = element.list().ofMaxSize(6).map(items -> "[" + String.join(",", items) + "]");
        // Duplicate keys: the same member twice with different values.
        Arbitrary<String> duplicated = Combinators.combine(key, element, element)
                .as((k, v1, v2) -> "{" + k + ":" + v1 + "," + k + ":" + v2 + "}");
        return Arbitraries.oneOf(object, object, array, duplicated);
    }

    /** A body: JSON, JSON broken on purpose, deep nesting, NDJSON lines or random bytes. */
    static Arbitrary<byte[]> body() {
        Arbitrary<byte[]> json = json().map(FuzzRequests::utf8);
        Arbitrary<byte[]> searchLike = Combinators.combine(json(), json(), Arbitraries.of(NUMBERS))
                .as((text, extra, limit) ->
                        utf8("{\"text\":" + text + ",\"limit\":" + limit + ",\"x\":" + extra + "}"));
        Arbitrary<byte[]> invalidUtf8 = Combinators.combine(
                        json(), Arbitraries.integers().between(0, 50))
                .as((text, at) -> withBytes(utf8(text), at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        Arbitrary<byte[]> invalidUtf8InString = Arbitraries.of(
                        "{\"text\":\"", "{\"title\":\"", "[{\"externalId\":\"", "{\"city\":\"")
                .map(prefix -> concat(
                        utf8(prefix), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0}, utf8("\"}")));
        Arbitrary<byte[]> deep = Arbitraries.of("[", "{\"a\":", "[{\"text\":").map(open -> utf8(open.repeat(10_000)));
        Arbitrary<byte[]> truncated =
                json().filter(text -> text.length() > 2).map(text -> utf8(text.substring(0, text.length() / 2)));
        Arbitrary<byte[]> ndjson = json().list().ofMaxSize(5).map(lines -> utf8(String.join("\n", lines)));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> empty = Arbitraries.just(new byte[0]);
        return Arbitraries.frequencyOf(
                Tuple.of(6, json),
                Tuple.of(3, searchLike),
                Tuple.of(1, invalidUtf8),
                Tuple.of(1, invalidUtf8InString),
                Tuple.of(1, deep),
                Tuple.of(1, truncated),
                Tuple.of(2, ndjson),
                Tuple.of(1, bytes),
                Tuple.of(1, empty));
    }

    /** Requests with bodies to the routes that read one, mostly as JSON. */
    static Arbitrary<FuzzRequest> bodyRequests(List<String> offerIds) {
        Arbitrary<String> route = Arbitraries.of(
                "POST /api/offers", "POST /api/offers/bulk", "POST /api/search", "POST /api/search/file");
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES)),
                Tuple.of(1, Arbitraries.just((String) null)));
        return Combinators.combine(route, contentType, body()).as((r, type, body) -> {
            String[] parts = r.split(" ");
            return new FuzzRequest(parts[0], utf8(parts[1]), type, body);
        });
    }

    /** Requests whose path, query string or method is the fuzzed part. */
    static Arbitrary<FuzzRequest> targetRequests(List<String> offerIds) {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.of(offerIds),
                Arbitraries.of(
                        "not-a-uuid",
                        "00000000-0000-0000-0000-000000000000",
                        "%00",
                        "..",
                        "%2e%2e",
                        "..%2f..%2fetc%2fpasswd",
                        "%2F",
                        "%zz",
                        "%",
                        "null",
                        "1e999",
                        "\u00e9",
                        "3f1c2a9e-6d1b-4c55-9a53-2b1f0e8c7d41%00"),
                Arbitraries.strings().ofMaxLength(40).map(FuzzRequests::escapedLoosely));
        Arbitrary<String> path = Arbitraries.oneOf(
                id.map(i -> "/api/offers/" + i),
                id.map(i -> "/api/offers/" + i + "/similar"),
                Arbitraries.just("/api/countries"),
                Arbitraries.just("/api/search"),
                Arbitraries.just("/health"),
                Arbitraries.of(
                        "/api/../api/countries",
                        "/api/%2e%2e/api/countries",
                        "/api/offers/..%2F..%2Fhealth",
                        "//api//offers",
                        "/api/offers/%2e",
                        "/./api/./countries",
                        "/api%2Foffers",
                        "/api-docs/../openapi.yml",
                        "/api-docs/%2e%2e/%2e%2e/etc/passwd",
                        "/api-docs/res/..%2f..%2f..%2fapplication.yml",
                        "/%00",
                        "/api/offers/\u0001",
                        "*",
                        "http://evil.example/",
                        "/\u00ff\u00fe"),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(3_000)
                        .ofMaxLength(12_000)
                        .map(long_ -> "/api/offers/" + long_));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                queryParameters(),
                Arbitraries.of(
                        "?language=en&limit=1e999",
                        "?limit=-1&offset=99999999999999999999",
                        "?language=%zz",
                        "?language",
                        "?=&&==",
                        "?includeClosed=maybe",
                        "?employmentTypes=FULL_TIME,,NOPE",
                        "?postedAfter=2026-02-30",
                        "?remote=yes&remote=no",
                        "?language=en&language=fr",
                        "?city=" + "x".repeat(5_000),
                        "?%ff%fe=1",
                        "?language=\u00e9"));
        return Combinators.combine(Arbitraries.of(METHODS), path, query, Arbitraries.of(CONTENT_TYPES), body())
                .as((method, p, q, type, body) -> new FuzzRequest(
                        method,
                        utf8(p + q),
                        body.length == 0 ? null : type,
                        method.equals("GET") || method.equals("HEAD") ? new byte[0] : body));
    }

    private static Arbitrary<String> queryParameters() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of(
                        "language",
                        "limit",
                        "offset",
                        "includeClosed",
                        "country",
                        "remote",
                        "employmentTypes",
                        "postedAfter",
                        "city"),
                Arbitraries.strings().ofMaxLength(8).map(FuzzRequests::escapedLoosely));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(NUMBERS),
                Arbitraries.of("en", "fr", "FR", "true", "false", "FULL_TIME", "2026-01-01", "", "%", "%2", "+"),
                Arbitraries.strings().ofMaxLength(30).map(FuzzRequests::escapedLoosely));
        return Combinators.combine(name, value)
                .as((n, v) -> n + "=" + v)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(pairs -> "?" + String.join("&", pairs));
    }

    /** Percent-encodes what would break the request line (space, CR, LF, non-ASCII), leaving other tricks in. */
    private static String escapedLoosely(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(text)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] withBytes(byte[] text, int at, byte[] inserted) {
        int position = Math.min(at, text.length);
        return concat(
                java.util.Arrays.copyOfRange(text, 0, position),
                inserted,
                java.util.Arrays.copyOfRange(text, position, text.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
