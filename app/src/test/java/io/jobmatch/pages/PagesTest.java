package io.jobmatch.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobmatch.ingest.BulkResponse;
import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.Api;
import io.jobmatch.support.Axe;
import io.jobmatch.support.Browser;
import io.jobmatch.support.Resources;
import io.jobmatch.support.ServiceTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The candidate and recruiter pages in a real browser (headless Debian Chromium) against the running service with
 * the sample offers: real PostgreSQL, Qdrant and model. Each test has a timeout; a missing browser fails them.
 * Screenshots of both pages are written to {@code app/target/screenshots/} (README's come from there).
 */
@MicronautTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PagesTest extends ServiceTest {

    private static final String XSS_TITLE =
            "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">Registered nurse";

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    Api api;
    Browser browser;
    Axe axe;
    final Map<String, String> ids = new HashMap<>();
    final Map<String, JsonNode> offersById = new HashMap<>();

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void start() {
        api = new Api(server.getURL());
        BulkResponse loaded = samples.load();
        loaded.results().forEach(r -> ids.put(r.externalId(), r.id().toString()));
        api.get("/api/offers?limit=100")
                .json()
                .get("offers")
                .forEach(o -> offersById.put(o.get("id").asText(), o));
        assertEquals(72, offersById.size(), "the sample offers");
        browser = new Browser(server.getURL().toString());
        axe = new Axe();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void fullWidth() {
        if (browser != null) {
            browser.resetViewport();
        }
    }

    @Test
    void frenchPageFindsTheFrenchCvsOfferAndOnlyFrenchOffers() {
        browser.open("/fr/");
        assertEquals("fr", browser.find("html").getAttribute("lang"));

        List<String> results = searchWith(Resources.text("cvs/fr-java-developer.txt"));

        assertEquals(10, results.size(), "a first page of results: " + results);
        assertTrue(results.subList(0, 3).contains(ids.get("fr-001")), "fr-001 in the top 3 of " + results);
        results.forEach(
                id -> assertEquals("fr", offersById.get(id).get("language").asText(), "every result is French"));
        results.forEach(
                id -> assertEquals("OPEN", offersById.get(id).get("status").asText()));
        WebElement best = browser.find("[data-offer-id='" + ids.get("fr-001") + "']");
        assertFalse(best.findElements(By.cssSelector("mark")).isEmpty(), "matched terms are marked");
        assertTrue(
                best.findElement(By.cssSelector("a[href]")).getAttribute("href").endsWith("/fr-001"));
        assertEquals(
                Resources.text("cvs/fr-java-developer.txt").strip(),
                browser.find("textarea[name=text]").getAttribute("value").strip(),
                "the CV stays in the form");
        browser.screenshot(Path.of("target/screenshots/candidate-page.png"), 1500);
    }

    @Test
    void moreResultsShowsTheNextOnes() {
        browser.open("/en/");
        List<String> first = searchWith(Resources.text("cvs/en-accountant.txt"));
        browser.clickAndWait(browser.find("button[name=offset][value='10']"));
        List<String> second = resultIds();

        assertEquals(10, first.size());
        assertFalse(second.isEmpty(), "11 open English sample offers: a second page");
        second.forEach(id -> assertFalse(first.contains(id), "the second page continues the first"));
        assertEquals("11", browser.find("ol.offers").getAttribute("start"), "ranks go on from the first page");
    }

    @Test
    void filtersShowTheirCountsAndNarrowTheResults() {
        browser.open("/en/");
        searchWith(Resources.text("cvs/en-accountant.txt"));
        WebElement remote = browser.find("select[name=remote] option[value='true']");
        long remoteCount = Long.parseLong(remote.getText().replaceAll(".*\\((\\d+)\\)$", "$1"));

        WebElement select = browser.find("select[name=remote]");
        WebElement body = browser.find("body");
        new Select(select).selectByValue("true");
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.stalenessOf(body));
        List<String> results = resultIds();

        assertEquals(remoteCount, results.size(), "the count said how many remote offers there are");
        results.forEach(id -> assertTrue(offersById.get(id).get("remote").asBoolean(), "only remote offers"));
        assertEquals(
                "true",
                new Select(browser.find("select[name=remote]"))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
    }

    @Test
    void aCvInAnotherLanguageIsOfferedItsOwnPage() {
        browser.open("/en/");
        searchWith(Resources.text("cvs/de-java-developer.txt"));

        WebElement notice = browser.find(".notice");
        assertTrue(notice.getText().contains("German"), notice.getText());
        browser.clickAndWait(notice.findElement(By.cssSelector("button")));

        assertEquals("de", browser.find("html").getAttribute("lang"));
        List<String> results = resultIds();
        assertFalse(results.isEmpty());
        results.forEach(
                id -> assertEquals("de", offersById.get(id).get("language").asText()));
    }

    @Test
    void anEmptyFormGetsAClearMessage() {
        browser.open("/es/");
        List<String> results = searchWith("   ");

        assertTrue(results.isEmpty());
        assertEquals(
                "Primero pegue su CV o elija un archivo.",
                browser.find("[role=alert]").getText());
    }

    @Test
    void aDocxCvOnTheGermanPageFindsGermanOffersAndShowsItsText(@TempDir Path dir) throws IOException {
        Path docx = dir.resolve("lebenslauf.docx");
        try (XWPFDocument document = new XWPFDocument();
                OutputStream out = Files.newOutputStream(docx)) {
            for (String line : Resources.text("cvs/de-nurse.txt").split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
        }
        browser.open("/de/");

        List<String> results = upload(docx);

        assertTrue(results.subList(0, 3).contains(ids.get("de-003")), "de-003 in the top 3 of " + results);
        results.forEach(
                id -> assertEquals("de", offersById.get(id).get("language").asText()));
        assertTrue(
                browser.find("textarea[name=text]").getAttribute("value").contains("Pflegefachfrau, Hamburg"),
                "the file's text is in the form for correction");
        assertTrue(
                browser.find(".notice").getText().contains("lebenslauf.docx"),
                browser.find(".notice").getText());
    }

    @Test
    void aPdfCvOnTheSpanishPageFindsSpanishOffers(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("cv.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(15);
                content.newLineAtOffset(50, 740);
                for (String line : SPANISH_CV) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(pdf.toFile());
        }
        browser.open("/es/");

        List<String> results = upload(pdf);

        assertTrue(results.subList(0, 3).contains(ids.get("es-001")), "es-001 in the top 3 of " + results);
        results.forEach(
                id -> assertEquals("es", offersById.get(id).get("language").asText()));
        assertTrue(browser.find("textarea[name=text]").getAttribute("value").contains("Spring Boot"));
    }

    @Test
    void anUnreadableFileGetsAClearMessage(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("cv.pdf");
        Files.write(
                broken,
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without end".getBytes(StandardCharsets.US_ASCII));
        browser.open("/fr/");

        List<String> results = upload(broken);

        assertTrue(results.isEmpty());
        assertEquals(
                "Ce fichier n’a pas pu être lu : il est peut-être endommagé, chiffré ou vide.",
                browser.find("[role=alert]").getText());
    }

    /** Chooses a file in the candidate page's form; the page's script submits it. */
    private List<String> upload(Path file) {
        WebElement body = browser.find("body");
        browser.find("input[type=file][name=file]")
                .sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.stalenessOf(body));
        browser.await("main");
        return resultIds();
    }

    private static final List<String> SPANISH_CV = List.of(
            "Lucía Fernández Ortega - Desarrolladora backend Java, Madrid",
            "PERFIL",
            "Desarrolladora backend con seis años de experiencia en Java y Spring Boot.",
            "Diseño de API REST, microservicios y bases de datos PostgreSQL.",
            "EXPERIENCIA",
            "2021 - hoy: desarrolladora Java en una empresa de software para hoteles.",
            "Migración de un monolito a microservicios con Spring Boot, Docker y Kubernetes.",
            "Pruebas con JUnit y Testcontainers, integración continua con GitLab.",
            "2018 - 2021: programadora junior Java, consultora tecnológica en Madrid.",
            "FORMACIÓN",
            "Grado en Ingeniería Informática, Universidad Politécnica de Madrid.",
            "IDIOMAS",
            "Español nativo, inglés avanzado.");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de", "es"})
    void countryListIsTheApisInThePagesLanguage(String lang) {
        browser.open("/" + lang + "/");
        List<WebElement> options = browser.all("select[name=country] option");
        JsonNode countries = api.get("/api/countries?language=" + lang).json();

        assertEquals("", options.get(0).getAttribute("value"), "first: all countries");
        assertEquals(countries.size() + 1, options.size());
        Locale locale = Locale.forLanguageTag(lang);
        for (int i = 0; i < countries.size(); i++) {
            String code = countries.get(i).get("country").asText();
            WebElement option = options.get(i + 1);
            assertEquals(code, option.getAttribute("value"));
            String name = Locale.of("", code).getDisplayCountry(locale);
            assertEquals(name + " (" + countries.get(i).get("count").asLong() + ")", option.getText());
        }
        assertTrue(
                options.stream()
                        .skip(1)
                        .anyMatch(o -> !o.getText()
                                .startsWith(
                                        Locale.of("", o.getAttribute("value")).getDisplayCountry(Locale.ENGLISH))),
                "names are in the page's language, not English");
    }

    /** The hostile offer exists only during this test, so the other tests (and their screenshots) never show it. */
    @Test
    void aHostileTitleIsShownAsTextAndNeverRuns() {
        ObjectNode xss = Api.JSON
                .createObjectNode()
                .put("source", "hostile")
                .put("externalId", "xss-1")
                .put("title", XSS_TITLE)
                .put("company", "<b>Evil</b> & Co")
                .put(
                        "description",
                        "Registered nurse <script>window.__xss = 3</script> for an acute medical ward: "
                                + "patient care, medication rounds, wound care and night shifts.")
                .put("language", "en")
                .put("country", "GB");
        Api.Response created = api.post("/api/offers", xss);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        try {
            hostileOfferStaysText(id);
        } finally {
            assertEquals(204, api.delete("/api/offers/" + id).status());
        }
    }

    private void hostileOfferStaysText(String id) {
        browser.open("/en/");
        List<String> results = searchWith("Registered nurse: acute medical ward, patient care, medication rounds");

        assertTrue(results.contains(id), "the hostile offer is a result: " + results);
        WebElement offer = browser.find("[data-offer-id='" + id + "']");
        assertEquals(XSS_TITLE, offer.findElement(By.cssSelector("h3")).getText());
        assertTrue(offer.getText().contains("<b>Evil</b> & Co"), offer.getText());
        assertNoScriptRan();

        browser.open("/en/recruiter?q=" + URLEncoder.encode("window.__xss", StandardCharsets.UTF_8));
        assertEquals(XSS_TITLE, browser.find("[data-offer-id='" + id + "'] h3").getText());
        assertNoScriptRan();
        browser.open("/en/recruiter?offer=" + id);
        assertEquals(XSS_TITLE, browser.find("h1").getText());
        assertNoScriptRan();
    }

    private void assertNoScriptRan() {
        assertEquals(true, browser.script("return window.__xss === undefined;"), "no injected script ran");
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        List<WebElement> scripts = browser.all("script");
        assertEquals(1, scripts.size(), "only the page's own script");
        assertTrue(scripts.get(0).getAttribute("src").endsWith("/assets/pages.js"));
        assertTrue(browser.all("img").isEmpty(), "the hostile <img> is text, not an element");
    }

    @Test
    void recruiterListingPagesThroughEveryOfferClosedOnesIncluded() {
        browser.open("/fr/recruiter");
        Map<String, String> seen = new HashMap<>();
        while (true) {
            for (WebElement offer : browser.all("[data-offer-id]")) {
                String id = offer.getAttribute("data-offer-id");
                assertEquals(null, seen.put(id, offer.getAttribute("data-status")), "pages never repeat an offer");
            }
            if (browser.all(".paging a").isEmpty()) {
                break;
            }
            browser.clickAndWait(browser.find(".paging a"));
        }

        assertEquals(offersById.keySet(), seen.keySet(), "every offer, open and closed");
        assertEquals(6, seen.values().stream().filter("CLOSED"::equals).count(), "the six closed sample offers");
    }

    @Test
    void recruiterFindsAnOfferAndItsSimilarRolesIncludingClosedOnes() {
        browser.open("/en/recruiter");
        browser.find("input[name=q]").sendKeys("Backend Java");
        new Select(browser.find("select[name=language]")).selectByValue("en");
        browser.clickAndWait(browser.find("#find button[type=submit]"));
        List<String> listed = resultIds();
        assertTrue(listed.contains(ids.get("en-001")), listed.toString());
        listed.forEach(
                id -> assertEquals("en", offersById.get(id).get("language").asText()));

        browser.clickAndWait(browser.find("[data-offer-id='" + ids.get("en-001") + "'] a"));
        List<WebElement> similar = browser.all("[data-offer-id]");
        assertFalse(similar.isEmpty());
        for (WebElement role : similar) {
            String id = role.getAttribute("data-offer-id");
            assertNotEquals(ids.get("en-001"), id, "never the offer itself");
            assertEquals(offersById.get(id).get("status").asText(), role.getAttribute("data-status"));
        }
        WebElement closed = browser.find("[data-offer-id='" + ids.get("en-011") + "']");
        assertEquals("CLOSED", closed.getAttribute("data-status"), "the closed senior Java role is a past role");
        assertTrue(closed.findElement(By.cssSelector(".closed")).isDisplayed());
        assertEquals("Closed", closed.findElement(By.cssSelector(".closed")).getText());
        assertTrue(
                similar.stream()
                                .map(s -> offersById
                                        .get(s.getAttribute("data-offer-id"))
                                        .get("language")
                                        .asText())
                                .distinct()
                                .count()
                        > 1,
                "similar roles come from every language by default");
        browser.screenshot(Path.of("target/screenshots/recruiter-page.png"), 1500);

        browser.clickAndWait(browser.find("input[name=hideClosed]"));
        List<WebElement> open = browser.all("[data-offer-id]");
        assertFalse(open.isEmpty());
        open.forEach(role -> assertEquals("OPEN", role.getAttribute("data-status"), "the toggle hides closed roles"));

        String next = open.get(0).getAttribute("data-offer-id");
        browser.clickAndWait(open.get(0).findElement(By.cssSelector("a[href*='offer=']")));
        assertTrue(browser.driver().getCurrentUrl().contains("offer=" + next));
        resultIds().forEach(id -> assertNotEquals(next, id));
    }

    @Test
    void pagesFitA360PixelScreen() {
        browser.viewport(360, 740);
        browser.open("/fr/");
        searchWith(Resources.text("cvs/fr-java-developer.txt"));
        assertNoSidewaysScroll("candidate page with results");
        browser.screenshot(Path.of("target/screenshots/candidate-page-360.png"), 1400);
        browser.open("/de/recruiter?q=java");
        assertNoSidewaysScroll("recruiter listing");
        browser.open("/es/recruiter?offer=" + ids.get("es-001"));
        assertNoSidewaysScroll("recruiter offer page");
    }

    private void assertNoSidewaysScroll(String page) {
        assertEquals(360L, browser.script("return window.innerWidth;"), page);
        long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
        assertTrue(scrollWidth <= 360, page + " is " + scrollWidth + " px wide");
    }

    @Test
    void keyboardReachesTheFormWithAVisibleFocus() {
        browser.open("/en/");
        for (int i = 0; i < 20 && !"text".equals(browser.script("return document.activeElement.id;")); i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        assertEquals("text", browser.script("return document.activeElement.id;"), "Tab reaches the CV box");
        assertNotEquals("none", browser.script("return getComputedStyle(document.activeElement).outlineStyle;"));
        assertEquals("Your CV", browser.find("label[for=text]").getText(), "the CV box is labelled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/en/", "/fr/", "/de/recruiter?q=java", "/es/recruiter", "/xx/"})
    void noSeriousAccessibilityViolations(String path) {
        browser.open(path);
        if (browser.all("textarea[name=text]").size() == 1) {
            searchWith(Resources.text(path.startsWith("/fr") ? "cvs/fr-nurse.txt" : "cvs/en-truck-driver.txt"));
            assertFalse(resultIds().isEmpty(), "checked with results on the page");
        }
        assertEquals(List.of(), axe.severe(browser), "critical or serious axe violations on " + path);
    }

    @Test
    void similarRolesPageIsAccessibleInTwoLanguages() {
        for (String lang : List.of("de", "es")) {
            browser.open("/" + lang + "/recruiter?offer=" + ids.get("en-001"));
            assertFalse(resultIds().isEmpty());
            assertEquals(List.of(), axe.severe(browser), "critical or serious axe violations in " + lang);
        }
    }

    @Test
    void rootRedirectsByAcceptLanguageAndUnknownLanguagesAre404Pages() throws Exception {
        assertEquals("/de/", redirect("de-CH,de;q=0.9,en;q=0.5"));
        assertEquals("/es/", redirect("es-MX"));
        assertEquals("/fr/", redirect("it;q=0.9,fr;q=0.8"));
        assertEquals("/en/", redirect("ja"));
        assertEquals("/en/", redirect(null));
        assertEquals("/en/", redirect("not a language ;;"));

        for (String path : List.of("/xx/", "/it/", "/zz/recruiter")) {
            Api.Response page = api.get(path);
            assertEquals(404, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertTrue(page.body().contains("<html lang=\"en\">"), page.body());
        }
        Api.Response unknownOffer = api.get("/fr/recruiter?offer=" + UUID.randomUUID());
        assertEquals(404, unknownOffer.status());
        assertTrue(unknownOffer.body().contains("Cette offre n’existe pas (ou plus)."), unknownOffer.body());
    }

    @Test
    void pagesForbidInlineScriptAndAreNotCached() throws Exception {
        for (String path : List.of("/en/", "/fr/recruiter", "/xx/")) {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.getURL() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), path);
            assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script on " + path);
        }
    }

    private String redirect(String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/"));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<Void> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, response.statusCode());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Pastes a CV into the candidate page's form, submits it and returns the results' offer ids, best first. */
    private List<String> searchWith(String cv) {
        WebElement text = browser.find("textarea[name=text]");
        browser.fill("textarea[name=text]", cv);
        WebElement form = text.findElement(By.xpath("ancestor::form"));
        browser.clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
        return resultIds();
    }

    private List<String> resultIds() {
        List<String> ids = new ArrayList<>();
        browser.all("[data-offer-id]").forEach(e -> ids.add(e.getAttribute("data-offer-id")));
        return ids;
    }
}
