package io.jobmatch.cli;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Realistic offers for bench-ingest, built from the bundled sample offers (six languages, written for this project):
 * each offer takes a sample's title and, in the same language, lines of that language's sample descriptions in a
 * seeded random order until it reaches its length, 150 to 800 words. Lines never repeat within an offer, so every
 * offer's passages are all distinct. Deterministic for a seed.
 */
final class IngestCorpus {

    static final int MIN_WORDS = 150;
    static final int MAX_WORDS = 800;
    private static final String SAMPLES = "samples/offers.json";
    private static final Map<String, String> COUNTRIES =
            Map.of("en", "GB", "fr", "FR", "de", "DE", "es", "ES", "it", "IT", "nl", "NL");

    /** What one language's samples offer: their titles and every line of their descriptions. */
    private record Language(String code, List<String> titles, List<String> lines) {}

    /** One offer to send, and the text the service embeds for it (title, a line break, description). */
    record BenchOffer(Map<String, Object> json, String language, int words) {

        String embeddedText() {
            return json.get("title") + "\n" + json.get("description");
        }
    }

    private final List<Language> languages;

    private IngestCorpus(List<Language> languages) {
        this.languages = languages;
    }

    static IngestCorpus fromSamples(JsonMapper json) {
        Map<String, List<String>> titles = new TreeMap<>();
        Map<String, List<String>> lines = new TreeMap<>();
        try (InputStream in = IngestCorpus.class.getClassLoader().getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + SAMPLES);
            }
            for (JsonNode node :
                    json.readValue(in.readAllBytes(), JsonNode.class).values()) {
                String language = node.get("language").getStringValue();
                titles.computeIfAbsent(language, l -> new ArrayList<>())
                        .add(node.get("title").getStringValue());
                for (String line : node.get("description").getStringValue().split("\\R")) {
                    if (!line.isBlank()) {
                        lines.computeIfAbsent(language, l -> new ArrayList<>()).add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SAMPLES, e);
        }
        List<Language> languages = new ArrayList<>();
        titles.forEach((code, list) -> languages.add(new Language(code, list, lines.get(code))));
        return new IngestCorpus(languages);
    }

    /** Offer {@code n} of the run with {@code seed}; languages take turns. */
    BenchOffer offer(long seed, int n) {
        Language language = languages.get(n % languages.size());
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        int target = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        List<String> pool = new ArrayList<>(language.lines());
        StringBuilder description = new StringBuilder();
        int words = 0;
        while (words < target && !pool.isEmpty()) {
            String line = pool.remove(random.nextInt(pool.size()));
            int lineWords = line.split("\\s+").length;
            if (words + lineWords > MAX_WORDS) {
                continue;
            }
            description.append(description.isEmpty() ? "" : "\n").append(line);
            words += lineWords;
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("source", "bench-ingest");
        offer.put("externalId", "bench-ingest-" + seed + "-" + n);
        offer.put(
                "title", language.titles().get(random.nextInt(language.titles().size())));
        offer.put("description", description.toString());
        offer.put("language", language.code());
        offer.put("country", COUNTRIES.getOrDefault(language.code(), "FR"));
        return new BenchOffer(offer, language.code(), words);
    }

    List<BenchOffer> offers(long seed, int count) {
        List<BenchOffer> offers = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            offers.add(offer(seed, n));
        }
        return offers;
    }
}
