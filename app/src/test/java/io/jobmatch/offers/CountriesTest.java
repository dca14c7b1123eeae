package io.jobmatch.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.Sql;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The board's per-language country list, checked against a count done in SQL over the same rows. */
@MicronautTest
class CountriesTest extends ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    @Inject
    DataSource dataSource;

    Api api;
    Sql sql;

    @BeforeAll
    void loadSamples() {
        api = new Api(server.getURL());
        sql = new Sql(dataSource);
        samples.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "en", "es", "it", "nl"})
    void countriesEqualACountInSql(String language) {
        List<List<String>> expected = sql.rows("""
                select country, count(*)::text from offer
                where language = ? and status = 'OPEN' and country is not null
                group by country order by count(*) desc, country""", language);

        JsonNode countries = api.get("/api/countries?language=" + language).json();

        assertFalse(expected.isEmpty());
        List<List<String>> actual = new ArrayList<>();
        countries.forEach(c ->
                actual.add(List.of(c.get("country").asText(), c.get("count").asText())));
        assertEquals(expected, actual);
    }

    @Test
    void germanSampleCountriesAreCountedWithoutTheClosedOffer() {
        JsonNode countries = api.get("/api/countries?language=de").json();

        assertEquals("DE", countries.at("/0/country").asText());
        assertEquals(11, sql.count("select count(*) from offer where language = 'de' and status = 'OPEN'"));
        long total = 0;
        for (JsonNode country : countries) {
            total += country.get("count").asLong();
        }
        assertEquals(11, total, "the closed German offer is not counted");
    }

    @Test
    void languageIsRequiredAndMustBeACode() {
        assertEquals(400, api.get("/api/countries").status());
        assertEquals(400, api.get("/api/countries?language=xx").status());
        assertEquals(
                "application/problem+json",
                api.get("/api/countries?language=german").contentType());
        assertEquals("[]", api.get("/api/countries?language=ja").body(), "a language with no offers has no countries");
    }
}
