package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The offers bench-ingest sends: six languages, 150 to 800 words, no repeated line, the same for a seed. */
class IngestCorpusTest {

    private final IngestCorpus corpus = IngestCorpus.fromSamples(JsonMapper.createDefault());

    @Test
    void offersSpanTheSampleLanguagesAndTheWordRange() {
        List<IngestCorpus.BenchOffer> offers = corpus.offers(3, 60);

        assertEquals(
                Set.of("de", "en", "es", "fr", "it", "nl"),
                offers.stream().map(IngestCorpus.BenchOffer::language).collect(Collectors.toSet()));
        for (IngestCorpus.BenchOffer offer : offers) {
            String description = (String) offer.json().get("description");
            int words = description.split("\\s+").length;
            assertEquals(offer.words(), words);
            assertTrue(words >= IngestCorpus.MIN_WORDS && words <= IngestCorpus.MAX_WORDS, "words: " + words);
            List<String> lines = List.of(description.split("\n"));
            assertEquals(lines.size(), new HashSet<>(lines).size(), "a line repeats");
            assertEquals(offer.json().get("title") + "\n" + description, offer.embeddedText());
        }
        int shortest =
                offers.stream().mapToInt(IngestCorpus.BenchOffer::words).min().orElseThrow();
        int longest =
                offers.stream().mapToInt(IngestCorpus.BenchOffer::words).max().orElseThrow();
        assertTrue(shortest < 300 && longest > 650, shortest + "-" + longest);
    }

    @Test
    void aSeedGivesTheSameOffersAndAnotherSeedOthers() {
        assertEquals(corpus.offers(5, 8), corpus.offers(5, 8));
        assertTrue(!corpus.offer(5, 0).json().equals(corpus.offer(6, 0).json()));
        assertEquals(
                8,
                corpus.offers(5, 8).stream()
                        .map(o -> o.json().get("externalId"))
                        .distinct()
                        .count());
    }
}
