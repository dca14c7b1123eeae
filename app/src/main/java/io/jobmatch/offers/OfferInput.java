package io.jobmatch.offers;

import io.jobmatch.embedding.LanguageDetection;
import io.jobmatch.embeddings.LanguageGuess;
import io.jobmatch.web.FieldError;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Reads one offer from JSON for every way offers come in (single, bulk, samples): validation, then the language
 * detected from title and description when the client gave none.
 */
@Singleton
public class OfferInput {

    private final LanguageDetection languages;

    public OfferInput(LanguageDetection languages) {
        this.languages = languages;
    }

    public OfferReader.Result read(JsonNode json) {
        OfferReader.Result read = OfferReader.read(json);
        if (!read.valid() || read.draft().language() != null) {
            return read;
        }
        OfferDraft draft = read.draft();
        LanguageGuess guess = languages.guess(draft.detectableText());
        if (!languages.isConfident(guess)) {
            return new OfferReader.Result(null, List.of(new FieldError("language", languages.refusal(guess))));
        }
        return new OfferReader.Result(draft.withLanguage(guess.language(), guess.confidence()), List.of());
    }
}
