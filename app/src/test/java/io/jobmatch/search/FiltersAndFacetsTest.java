package io.jobmatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters, facets and company diversity of {@code POST /api/search} on offers built for it, every result set and
 * every facet count recomputed in SQL over the same rows: the index must say what PostgreSQL says.
 */
@MicronautTest
class FiltersAndFacetsTest extends ServiceTest {

    static final String CV = "Warehouse logistics: forklift, picking, packing, inventory and shipping.";
    static final String[] COUNTRIES = {"GB", "IE", "US", "GB", null};
    static final String[] TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", null};
    static final String[] CITIES = {"Münster", "munster", "MÜNSTER ", "Lyon", "Saint-Étienne", "Zürich", null};
    static final String[] COMPANIES = {"Acme", "ACME", "Globex", "Initech", null, "acme", "Globex"};
    static final String[][] SALARIES = { // min, max, currency, period
        {"20", "25", "GBP", "HOUR"}, {"3000", null, "EUR", "MONTH"}, {null, "45000", "GBP", "YEAR"},
        {"2500", "3200", "GBP", "MONTH"}, {"15", null, "EUR", "HOUR"}, {"38000", "52000", "EUR", "YEAR"},
        {"30000", null, "EUR", null}, null
    };

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    Api api;
    Sql sql;

    @BeforeAll
    void storeOffers() {
        api = new Api(server.getURL());
        sql = new Sql(dataSource);
        ArrayNode offers = Api.JSON.createArrayNode();
        for (int i = 0; i < 48; i++) {
            offers.add(offer(i));
        }
        Api.Response response = api.post("/api/offers/bulk", offers);
        assertEquals(200, response.status(), response.body());
        assertEquals(0, response.json().get("invalid").asInt(), response.body());
    }

    /** Offer i: the fields cycle with different periods, so every combination of filters has some offers. */
    private static ObjectNode offer(int i) {
        ObjectNode offer = Api.JSON.createObjectNode();
        offer.put("externalId", "f-" + i);
        offer.put("title", "Warehouse operative " + i);
        offer.put("description", "Forklift driving, picking and packing orders, inventory counts, shipping. Site " + i);
        // Every seventh offer is French and every eleventh closed: neither may ever be counted or returned.
        offer.put("language", i % 7 == 6 ? "fr" : "en");
        offer.put("status", i % 11 == 10 ? "CLOSED" : "OPEN");
        putIfSet(offer, "country", COUNTRIES[i % COUNTRIES.length]);
        putIfSet(offer, "employmentType", TYPES[i % TYPES.length]);
        putIfSet(offer, "city", CITIES[i % CITIES.length]);
        putIfSet(offer, "company", COMPANIES[i % COMPANIES.length]);
        if (i % 3 != 2) {
            offer.put("remote", i % 3 == 0);
        }
        if (i % 6 != 5) {
            offer.put(
                    "datePosted", LocalDate.parse("2026-10-01").plusDays(4L * i).toString());
        }
        String[] salary = SALARIES[i % SALARIES.length];
        if (salary != null) {
            ObjectNode node = offer.putObject("salary");
            node.put("currency", salary[2]);
            putIfSet(node, "period", salary[3]);
            if (salary[0] != null) {
                node.put("min", Double.parseDouble(salary[0]));
            }
            if (salary[1] != null) {
                node.put("max", Double.parseDouble(salary[1]));
            }
        }
        return offer;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** One search's filters, as request fields, each with the SQL condition that means the same. */
    record Filters(String name, Map<String, Object> fields) {

        @Override
        public String toString() {
            return name;
        }

        ObjectNode body() {
            ObjectNode body = searchBody().put("limit", 100).put("mode", "dense");
            fields.forEach((field, value) -> body.set(field, Api.JSON.valueToTree(value)));
            return body;
        }

        /** The offers the search may return, with every filter but {@code left} out (null: all of them). */
        String where(String leftOut) {
            StringBuilder where = new StringBuilder("language = 'en' and status = 'OPEN'");
            fields.forEach((field, value) -> {
                if (!field.equals(leftOut)) {
                    where.append(" and ").append(condition(field, value));
                }
            });
            return where.toString();
        }

        @SuppressWarnings("unchecked")
        private static String condition(String field, Object value) {
            return switch (field) {
                case "country" -> "country = '" + value + "'";
                case "remote" -> "remote = " + value;
                case "employmentTypes" -> "employment_type in ('" + String.join("', '", (List<String>) value) + "')";
                case "postedAfter" -> "date_posted >= date '" + value + "'";
                case "city" -> cityKey("city") + " = " + cityKey("'" + value + "'");
                case "minSalary" -> {
                    Map<String, Object> min = (Map<String, Object>) value;
                    yield "salary_currency = upper('" + min.get("currency")
                            + "') and coalesce(salary_max, salary_min) * "
                            + perYear("salary_period") + " >= " + min.get("amount") + " * "
                            + perYear("'" + min.get("period") + "'");
                }
                default -> throw new IllegalArgumentException(field);
            };
        }

        /** Decomposed, combining marks removed, lower case: the accent-insensitive comparison done independently. */
        private static String cityKey(String city) {
            return "lower(regexp_replace(normalize(trim(" + city + "), NFD), '[\\u0300-\\u036f]', '', 'g'))";
        }

        /** The README's factors: 1 YEAR = 12 MONTH = 2,080 HOUR; no period, no number. */
        private static String perYear(String period) {
            return "(case " + period + " when 'HOUR' then 2080 when 'MONTH' then 12 when 'YEAR' then 1 end)";
        }
    }

    static Stream<Filters> filters() {
        return Stream.of(
                new Filters("none", Map.of()),
                new Filters("remote", Map.of("remote", true)),
                new Filters("on site", Map.of("remote", false)),
                new Filters("employment types", Map.of("employmentTypes", List.of("FULL_TIME", "CONTRACTOR"))),
                new Filters("posted after", Map.of("postedAfter", "2026-11-14")),
                new Filters("city without its accent", Map.of("city", "munster")),
                new Filters("city in capitals with its accent", Map.of("city", "SAINT-ÉTIENNE")),
                new Filters("country", Map.of("country", "IE")),
                new Filters(
                        "monthly salary in EUR",
                        Map.of("minSalary", Map.of("amount", 3000, "currency", "EUR", "period", "MONTH"))),
                new Filters(
                        "hourly salary in GBP",
                        Map.of("minSalary", Map.of("amount", 20.5, "currency", "GBP", "period", "HOUR"))),
                new Filters(
                        "yearly salary in GBP",
                        Map.of("minSalary", Map.of("amount", 36000, "currency", "gbp", "period", "YEAR"))),
                new Filters(
                        "all at once",
                        ordered(Map.of(
                                "country",
                                "GB",
                                "remote",
                                true,
                                "employmentTypes",
                                List.of("FULL_TIME", "PART_TIME", "CONTRACTOR"),
                                "postedAfter",
                                "2026-10-05",
                                "minSalary",
                                Map.of("amount", 1000, "currency", "GBP", "period", "MONTH")))));
    }

    private static Map<String, Object> ordered(Map<String, Object> fields) {
        return new LinkedHashMap<>(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void resultsAreExactlyTheOffersSqlSelects(Filters filters) {
        Set<String> expected = new HashSet<>(column("select id::text from offer where " + filters.where(null)));

        JsonNode response = search(filters.body());

        Set<String> returned = new HashSet<>();
        response.get("results").forEach(r -> returned.add(r.at("/offer/id").asText()));
        assertEquals(expected, returned, filters.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void facetsCountWhatSqlCountsWithEveryOtherFilter(Filters filters) {
        JsonNode facets = search(filters.body()).get("facets");

        assertEquals(sqlFacet("country", filters.where("country")), facet(facets.get("country")), "country");
        assertEquals(
                sqlFacet("employment_type", filters.where("employmentTypes")),
                facet(facets.get("employmentType")),
                "employmentType");
        assertEquals(sqlFacet("remote", filters.where("remote")), facet(facets.get("remote")), "remote");
    }

    @Test
    void filtersSelectSomethingAndSomethingIsLeftOut() {
        long all = sql.count("select count(*) from offer where language = 'en' and status = 'OPEN'");
        for (Filters filters : filters().toList()) {
            long selected = sql.count("select count(*) from offer where " + filters.where(null));
            assertTrue(selected > 0, filters + " selects nothing: the test would prove little");
            assertTrue(filters.fields().isEmpty() || selected < all, filters + " leaves nothing out");
        }
    }

    @Test
    void withoutFiltersTheCountryFacetIsTheCountryList() {
        JsonNode facets = search(searchBody().put("limit", 1)).get("facets");
        JsonNode countries = api.get("/api/countries?language=en").json();

        List<List<String>> expected = new ArrayList<>();
        countries.forEach(c ->
                expected.add(List.of(c.get("country").asText(), c.get("count").asText())));
        assertEquals(expected, facet(facets.get("country")));
    }

    @Test
    void aFilteredPageIsFullWhenEnoughOffersMatch() {
        long matching = sql.count("select count(*) from offer where language = 'en' and status = 'OPEN' and remote");
        assertTrue(matching > 5);

        JsonNode results =
                search(searchBody().put("limit", 5).put("remote", true)).get("results");

        assertEquals(5, results.size());
        results.forEach(r -> assertTrue(r.at("/offer/remote").asBoolean()));
    }

    @Test
    void anOfferChangedInPostgresqlAfterIndexingDoesNotSlipThrough() {
        String id = column("select id::text from offer where language = 'en' and status = 'OPEN' and remote "
                        + "order by external_id limit 1")
                .getFirst();
        sql.rows("update offer set remote = false where id = ?::uuid returning id", id);
        try {
            JsonNode results =
                    search(searchBody().put("limit", 100).put("remote", true)).get("results");

            results.forEach(r -> assertFalse(r.at("/offer/id").asText().equals(id), "stale index entry returned"));
        } finally {
            sql.rows("update offer set remote = true where id = ?::uuid returning id", id);
        }
    }

    @Test
    void maxPerCompanyKeepsTheFirstResultsOfEachCompanyInTheirOrder() {
        List<JsonNode> all = new ArrayList<>();
        search(searchBody().put("limit", 100).put("mode", "dense"))
                .get("results")
                .forEach(all::add);
        List<String> expected = new ArrayList<>();
        Map<String, Integer> perCompany = new LinkedHashMap<>();
        for (JsonNode result : all) {
            JsonNode company = result.at("/offer/company");
            if (company.isMissingNode()
                    || perCompany.merge(company.asText().toLowerCase(Locale.ROOT), 1, Integer::sum) <= 2) {
                expected.add(result.at("/offer/id").asText());
            }
        }
        assertTrue(expected.size() < all.size(), "some results are dropped");

        assertEquals(expected, ids(search(diverse(100, 0))), "the whole list: dropped ones gone, order kept");
        assertEquals(expected.subList(0, 4), ids(search(diverse(4, 0))), "a first page is full");
        assertEquals(expected.subList(4, 9), ids(search(diverse(5, 4))), "a later page continues it");
        assertEquals(expected.size() - 3, ids(search(diverse(100, 3))).size(), "past the end, what is left");
    }

    private static ObjectNode diverse(int limit, int offset) {
        return searchBody()
                .put("limit", limit)
                .put("offset", offset)
                .put("mode", "dense")
                .put("maxPerCompany", 2);
    }

    @Test
    void similarOffersTakeTheFiltersAsQueryParameters() {
        String id =
                column("select id::text from offer where external_id = 'f-0'").getFirst();
        Set<String> expected = new HashSet<>(column(
                "select id::text from offer where language = 'en' "
                        + "and status = 'OPEN' and remote and employment_type in ('FULL_TIME', 'PART_TIME') "
                        + "and date_posted >= date '2026-10-20' and id <> ?::uuid",
                id));

        Api.Response response = api.get("/api/offers/" + id + "/similar?language=en&limit=100&remote=true"
                + "&employmentTypes=FULL_TIME&employmentTypes=PART_TIME&postedAfter=2026-10-20");

        assertEquals(200, response.status(), response.body());
        Set<String> returned = new HashSet<>();
        response.json()
                .get("results")
                .forEach(r -> returned.add(r.at("/offer/id").asText()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, returned);
    }

    /**
     * Every search here shows each posting: the offers are one warehouse job posted 48 times, differing only in their
     * number, duplicates by construction that a default search would fold (DuplicatePostingsTest).
     */
    private static ObjectNode searchBody() {
        return Api.searchBody(CV, "en").put("collapseDuplicates", false);
    }

    private JsonNode search(ObjectNode body) {
        Api.Response response = api.post("/api/search", body);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("results").forEach(r -> ids.add(r.at("/offer/id").asText()));
        return ids;
    }

    private List<String> column(String query, Object... parameters) {
        return sql.rows(query, parameters).stream().map(List::getFirst).toList();
    }

    /** Values and counts, most first, ties by value; offers without the field are not counted. */
    private List<List<String>> sqlFacet(String column, String where) {
        return sql.rows("select " + column + "::text, count(*)::text from offer where " + where + " and " + column
                + " is not null group by " + column + " order by count(*) desc, " + column);
    }

    private static List<List<String>> facet(JsonNode counts) {
        List<List<String>> values = new ArrayList<>();
        counts.forEach(
                c -> values.add(List.of(c.get("value").asText(), c.get("count").asText())));
        return values;
    }
}
