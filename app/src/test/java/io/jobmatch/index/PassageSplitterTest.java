package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How an offer's description becomes the passages that hybrid search scores and highlights show. */
class PassageSplitterTest {

    @Test
    void linesThenSentencesWithBulletsAndNoiseDropped() {
        String description = """
                We build payment services. You will own two of them!
                - Java 21 and Spring Boot
                • Kafka, PostgreSQL
                ---
                * 3 days on site.""";

        assertEquals(
                List.of(
                        "We build payment services.",
                        "You will own two of them!",
                        "Java 21 and Spring Boot",
                        "Kafka, PostgreSQL",
                        "3 days on site."),
                PassageSplitter.split(description, "en", 40));
    }

    @Test
    void longSentencesAreCutAtASpaceAndTheCountIsCapped() {
        String longSentence = IntStream.range(0, 200).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + ".";

        List<String> pieces = PassageSplitter.split(longSentence, "en", 40);
        assertTrue(pieces.size() >= 3, pieces.toString());
        pieces.forEach(piece -> assertTrue(piece.length() <= 400 && !piece.startsWith(" ") && !piece.endsWith(" ")));
        assertEquals(
                2,
                PassageSplitter.split("One here. Two here. Three here.", "en", 2)
                        .size());
    }

    @Test
    void semicolonsSeparateListItemsAndRepeatsAreDropped() {
        String description = """
                Lorry driver; HGV driver; truck driver
                You load the lorry; you plan the route.
                hgv DRIVER""";

        assertEquals(
                List.of("Lorry driver", "HGV driver", "truck driver", "You load the lorry", "you plan the route."),
                PassageSplitter.split(description, "en", 40));
    }

    @Test
    void eachPassageKnowsWhereItIsInTheDescription() {
        String longSentence = IntStream.range(0, 120).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + ".";
        String description = "  - Java 21 and Spring Boot\r\n\u2022 Kafka; PostgreSQL ;\n" + longSentence + "\nKAFKA";

        List<PassageSplitter.Passage> passages = PassageSplitter.passages(description, "en", 40);

        assertEquals(
                PassageSplitter.split(description, "en", 40),
                passages.stream().map(PassageSplitter.Passage::text).toList());
        assertTrue(passages.size() >= 5, passages.toString());
        for (PassageSplitter.Passage passage : passages) {
            assertEquals(passage.text(), description.substring(passage.start(), passage.end()));
        }
        assertEquals(description.indexOf("Java"), passages.getFirst().start());
    }
}
