package io.jobmatch.embeddings;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Language detection with Lingua, restricted to the configured languages: fewer candidates is both faster and more
 * accurate, and only their models are loaded. Low-accuracy mode (trigrams only) keeps memory small; the texts here
 * (offers, CVs) are long enough that it loses nothing measurable. Thread-safe.
 */
public final class LanguageDetector {

    /** Nats of evidence per trigram per unit of relative score gap; calibrated on job titles versus sentences. */
    static final double EVIDENCE_PER_TRIGRAM = 1.0;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final Language onlyLanguage;

    private LanguageDetector(com.github.pemistahl.lingua.api.LanguageDetector lingua, Language onlyLanguage) {
        this.lingua = lingua;
        this.onlyLanguage = onlyLanguage;
    }

    /**
     * @param isoCodes ISO 639-1 codes, e.g. en, fr, de, es, it, nl, pl, pt
     * @throws IllegalArgumentException for an empty list or a code Lingua does not know
     */
    public static LanguageDetector forLanguages(Collection<String> isoCodes) {
        Set<Language> languages = new LinkedHashSet<>();
        for (String code : isoCodes) {
            languages.add(languageOf(code));
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("configure at least one language to detect");
        }
        if (languages.size() == 1) {
            // Lingua needs two candidates; with one configured language there is nothing to tell apart.
            return new LanguageDetector(null, languages.iterator().next());
        }
        return new LanguageDetector(
                LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                        .withLowAccuracyMode()
                        .withPreloadedLanguageModels()
                        .build(),
                null);
    }

    public LanguageGuess detect(String text) {
        if (text == null || text.chars().noneMatch(Character::isLetter)) {
            return LanguageGuess.UNKNOWN;
        }
        if (onlyLanguage != null) {
            return new LanguageGuess(codeOf(onlyLanguage), 1.0);
        }
        SortedMap<Language, Double> confidences = lingua.computeLanguageConfidenceValues(text);
        if (confidences.isEmpty()) {
            return LanguageGuess.UNKNOWN;
        }
        Iterator<Map.Entry<Language, Double>> ranked = confidences.entrySet().iterator();
        Map.Entry<Language, Double> best = ranked.next();
        if (best.getKey() == Language.UNKNOWN) {
            return LanguageGuess.UNKNOWN;
        }
        return new LanguageGuess(codeOf(best.getKey()), posterior(ranked, trigramCount(text)));
    }

    /**
     * Lingua 1.2 scores the winner 1.0 and every other language by the ratio of the winner's summed n-gram
     * log-probability to its own, which barely moves with the length of the text: a clear Spanish sentence keeps
     * Portuguese at 0.95. Rescaled by the number of trigrams read, those ratios become log-likelihood gaps, and a
     * softmax over the gaps gives a probability that does grow with evidence. The gaps are tempered
     * ({@link #EVIDENCE_PER_TRIGRAM}) because n-grams are not independent; see the README for the calibration.
     */
    private static double posterior(Iterator<Map.Entry<Language, Double>> others, int trigrams) {
        double rivals = 0;
        while (others.hasNext()) {
            double relative = others.next().getValue();
            if (relative > 0) {
                rivals += Math.exp(-EVIDENCE_PER_TRIGRAM * trigrams * (1 / relative - 1));
            }
        }
        return 1 / (1 + rivals);
    }

    /** Trigrams Lingua reads in low-accuracy mode: three-letter windows inside each word. */
    private static int trigramCount(String text) {
        int count = 0;
        int wordLength = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && Character.isLetter(text.charAt(i))) {
                wordLength++;
            } else {
                count += Math.max(0, wordLength - 2);
                wordLength = 0;
            }
        }
        return count;
    }

    private static Language languageOf(String code) {
        try {
            Language language =
                    Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
            if (language == Language.UNKNOWN) {
                throw new IllegalArgumentException("unsupported language code: " + code);
            }
            return language;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 639-1 language code '" + code + "'", e);
        }
    }

    private static String codeOf(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
