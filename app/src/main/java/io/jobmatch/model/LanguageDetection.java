package io.jobmatch.model;

import io.jobmatch.embeddings.LanguageDetector;
import io.jobmatch.embeddings.LanguageGuess;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Decides the language of a text nobody labelled: the detector's guess, when it is confident enough to filter
 * offers by. An unsure guess is refused rather than filed under a wrong language, where nobody would find it.
 */
@Singleton
public class LanguageDetection {

    private final LanguageDetector detector;
    private final double minConfidence;

    public LanguageDetection(LanguageDetector detector, LanguageSettings settings) {
        this.detector = detector;
        this.minConfidence = settings.minConfidence();
    }

    /**
     * The language of {@code text}, when the detector is confident enough.
     *
     * @throws LanguageNotDetectedException saying what was guessed and what is needed
     */
    public LanguageGuess require(String text) {
        LanguageGuess guess = detector.detect(text);
        if (guess.language() == null || guess.confidence() < minConfidence) {
            throw new LanguageNotDetectedException(refusal(guess));
        }
        return guess;
    }

    private String refusal(LanguageGuess guess) {
        if (guess.language() == null) {
            return "is required: it was not given and could not be detected from the text";
        }
        return String.format(
                Locale.ROOT,
                "is required: it was not given and detection is not confident enough "
                        + "(best guess '%s' at %.2f, at least %.2f needed)",
                guess.language(),
                guess.confidence(),
                minConfidence);
    }
}
