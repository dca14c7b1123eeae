package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void build() {
        detector = LanguageDetector.forLanguages(List.of("en", "fr", "de", "es", "it", "nl", "pl", "pt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        en | We are looking for a warehouse team leader to organise the night shift and train new colleagues.
        fr | Nous recherchons une aide-soignante pour notre maison de retraite, en journée, avec un week-end sur deux.
        de | Wir suchen eine erfahrene Buchhalterin für unser Büro in Hamburg, gerne in Teilzeit und ab sofort.
        es | Buscamos un camarero con experiencia para la temporada de verano en un hotel junto a la playa.
        it | Cerchiamo un elettricista qualificato per lavori di manutenzione negli stabilimenti della nostra azienda.
        nl | Wij zoeken een enthousiaste verkoopmedewerker voor onze winkel in het centrum van Utrecht.
        pl | Poszukujemy kierowcy z prawem jazdy kategorii C do pracy w transporcie krajowym od zaraz.
        pt | Procuramos um técnico de informática para dar apoio aos utilizadores da nossa empresa em Lisboa.
        """)
    void detectsEachConfiguredLanguage(String expected, String sentence) {
        LanguageGuess guess = detector.detect(sentence);

        assertEquals(expected, guess.language());
        assertTrue(guess.confidence() > 0.8 && guess.confidence() <= 1.0, "confidence " + guess.confidence());
    }

    @Test
    void textWithoutLettersIsUnknown() {
        LanguageGuess guess = detector.detect("12 345 — 67,89 €");

        assertFalse(guess.known());
        assertNull(guess.language());
        assertEquals(0.0, guess.confidence());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Manager", "Java developer", "Data analyst", "Infirmier", "Software engineer", "Vendedor de coches"})
    void aBareJobTitleIsNotConfident(String title) {
        // Some of these are even detected wrongly; what matters is that the confidence says so.
        LanguageGuess guess = detector.detect(title);

        assertTrue(guess.confidence() < 0.6, title + ": " + guess);
    }

    @Test
    void unknownLanguageCodesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LanguageDetector.forLanguages(List.of("en", "xx")));
        assertThrows(IllegalArgumentException.class, () -> LanguageDetector.forLanguages(List.of()));
    }

    @Test
    void aSingleConfiguredLanguageIsAlwaysTheAnswer() {
        LanguageGuess guess = LanguageDetector.forLanguages(List.of("en")).detect("Nous recherchons un cuisinier.");

        assertEquals("en", guess.language());
    }
}
