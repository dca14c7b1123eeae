package io.jobmatch.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an offer's description becomes the passages that highlights are chosen from. */
class PassageSplitterTest {

    @Test
    void linesThenSentencesWithBulletsAndNoiseDropped() {
        String description = """
                We build payment services. You will own two of them!
                - Java 21 and Spring Boot
                • Kafka, PostgreSQL
                ---
                * 3 days on site.""";

        assertEquals(List.of("We build payment services.", "You will own two of them!", "Java 21 and Spring Boot",
                "Kafka, PostgreSQL", "3 days on site."), PassageSplitter.split(description, "en", 40));
    }

    @Test
    void longSentencesAreCutAtASpaceAndTheCountIsCapped() {
        String longSentence = "word ".repeat(200).strip() + ".";

        List<String> pieces = PassageSplitter.split(longSentence, "en", 40);
        assertTrue(pieces.size() >= 3, pieces.toString());
        pieces.forEach(piece -> assertTrue(piece.length() <= 400 && !piece.startsWith(" ") && !piece.endsWith(" ")));
        assertEquals(2, PassageSplitter.split("One here. Two here. Three here.", "en", 2).size());
    }
}
