package io.jobmatch.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keyword analysis per language and the BM25 vectors built from it (Lucene's real analyzers, no service). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeywordsTest {

    private final Keywords keywords = new Keywords(new KeywordSettings(1.2, 0.75, 100, 2, List.of("de", "nl"), 0.3));

    @AfterAll
    void close() {
        keywords.close();
    }

    @ParameterizedTest(name = "{0}: ''{1}'' matches ''{2}''")
    @CsvSource({
        "fr, infirmières, Infirmier de nuit",
        "fr, développeuse, Développeur Java",
        "fr, vendeuses, vendeur en boulangerie",
        "es, enfermeras, Enfermero de quirófano",
        "it, infermiera, Infermiere professionale",
        "pt, enfermeiras, Enfermeiro hospitalar",
        "nl, ontwikkelaars, Ontwikkelaar Java",
        "pl, programistka, Programista Java",
        "en, nurses, Night nurse",
        "de, Pflegekräfte, Pflegekraft im Nachtdienst",
    })
    void inflectedQueryWordMatchesTheOfferForm(String language, String query, String offer) {
        KeywordQuery keywordQuery = keywords.query(query, language);

        assertEquals(
                List.of(query),
                keywords.matchedTerms(keywordQuery, offer, language, 10),
                "the query word is reported as the query wrote it");
        assertTrue(shares(keywordQuery.vector(), keywords.document(offer, "", language)));
    }

    @Test
    void germanCompoundStaysOneTermButSharesItsSubwordsWithItsParts() {
        assertEquals(
                List.of("softwareentwickl"),
                List.copyOf(
                        keywords.analyze("Softwareentwickler", "de").counts().keySet()),
                "the German analyzer has no decompounder: the compound is one term");
        assertEquals(
                List.of("entwickl"),
                List.copyOf(keywords.analyze("Entwickler", "de").counts().keySet()));
        KeywordQuery head = keywords.query("Entwickler", "de");
        assertTrue(
                keywords.matchedTerms(head, "Softwareentwickler (m/w/d)", "de", 10)
                        .isEmpty(),
                "as a word, the compound does not match its head");
        assertTrue(
                shares(head.vector(), keywords.document("Softwareentwickler (m/w/d)", "", "de")),
                "but its character 4-grams do, so keyword search still finds it");
        assertFalse(
                shares(
                        keywords.query("développeur", "fr").vector(),
                        keywords.document("Logicieldéveloppeur", "", "fr")),
                "subwords only where configured");
    }

    @Test
    void subwordsWeighLessThanTheWholeWord() {
        KeywordVector query = keywords.query("Steinschleifer", "de").vector();

        assertEquals(1.0f, single(query, "steinschleif", "de"), 1e-6);
        assertEquals(0.3f, single(query, "#stei", "de"), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | the nurse and the doctor of a ward | nurs,doctor,ward",
                "fr | la développeuse et le chef de l'équipe | developeu,chef,equip",
                "de | der Fahrer und die Fahrerin mit dem LKW | fahr,fahrerin,lkw",
                "es | el cocinero de la cocina y los camareros | cociner,cocin,camarer",
            })
    void stopWordsDrop(String language, String text, String expected) {
        assertEquals(
                List.of(expected.split(",")),
                List.copyOf(keywords.analyze(text, language).counts().keySet()));
    }

    @Test
    void languagesWithoutStemmerAreLowerCasedWordsAndKeepTheirWords() {
        AnalyzedText swahili = keywords.analyze("Mpishi Mkuu wa Hoteli", "sw");

        assertEquals(
                List.of("mpishi", "mkuu", "wa", "hoteli"),
                List.copyOf(swahili.counts().keySet()));
        assertEquals("Mpishi", swahili.words().get("mpishi"));
    }

    @Test
    void sameTermInTwoLanguagesGetsTwoIndicesSoEachLanguageKeepsItsOwnDocumentFrequency() {
        KeywordVector english = keywords.query("chef", "en").vector();
        KeywordVector french = keywords.query("chef", "fr").vector();

        assertEquals(1, english.indices().length);
        assertFalse(shares(english, french));
    }

    @Test
    void documentWeightsSaturateWithRepetitionAndFallWithLength() {
        float once = single(keywords.document("Welder", "", "en"), "welder", "en");
        float thrice = single(keywords.document("Welder", "welder welder", "en"), "welder", "en");
        float inLongText = single(keywords.document("Welder", "metal ".repeat(200), "en"), "welder", "en");

        assertTrue(thrice > once, "repeating a term adds weight");
        assertTrue(thrice < 3 * once, "but less and less (saturation)");
        assertTrue(inLongText < once, "the same count weighs less in a longer offer");
        assertTrue(thrice < 1.2 + 1, "no weight exceeds k1 + 1");
    }

    @Test
    void titleTermsWeighMoreThanDescriptionTerms() {
        float inTitle = single(keywords.document("Welder", "metal works", "en"), "welder", "en");
        float inDescription = single(keywords.document("Metal works", "welder", "en"), "welder", "en");

        assertTrue(inTitle > inDescription);
    }

    @Test
    void vectorIndicesAreUniqueAndQueryRepeatsSaturate() {
        KeywordVector vector = keywords.query("Java Java Java Spring", "en").vector();

        Set<Integer> indices = new HashSet<>();
        for (int index : vector.indices()) {
            assertTrue(indices.add(index));
        }
        assertEquals(2, vector.indices().length);
        float java = single(vector, "java", "en");
        float spring = single(vector, "spring", "en");
        assertEquals(1.0f, spring, 1e-6, "a word said once weighs 1");
        assertTrue(java > spring && java < 3 * spring);
    }

    @Test
    void onlyStopWordsGiveAnEmptyVector() {
        assertTrue(keywords.query("the and of", "en").vector().isEmpty());
    }

    private static boolean shares(KeywordVector a, KeywordVector b) {
        Set<Integer> indices = new HashSet<>();
        for (int index : a.indices()) {
            indices.add(index);
        }
        for (int index : b.indices()) {
            if (indices.contains(index)) {
                return true;
            }
        }
        return false;
    }

    private static float single(KeywordVector vector, String term, String language) {
        int index = Keywords.index(language, term);
        for (int i = 0; i < vector.indices().length; i++) {
            if (vector.indices()[i] == index) {
                return vector.values()[i];
            }
        }
        throw new AssertionError(term + " is not in the vector");
    }
}
