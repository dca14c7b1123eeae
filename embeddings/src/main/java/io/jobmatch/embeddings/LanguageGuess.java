package io.jobmatch.embeddings;

/**
 * The most likely language of a text.
 *
 * @param language   ISO 639-1 lower-case code, {@code null} when the text gives no usable clue
 * @param confidence 0..1: probability of {@code language} among the configured languages, growing with the
 *                   evidence in the text: a bare job title stays around 0.5 or below, a one-line sentence
 *                   0.85 to 1, a full offer above 0.99
 */
public record LanguageGuess(String language, double confidence) {

    static final LanguageGuess UNKNOWN = new LanguageGuess(null, 0);

    public boolean known() {
        return language != null;
    }
}
