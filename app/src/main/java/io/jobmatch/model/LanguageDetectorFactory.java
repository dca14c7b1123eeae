package io.jobmatch.model;

import io.jobmatch.embeddings.LanguageDetector;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The shared Lingua detector, restricted to the configured languages. */
@Factory
class LanguageDetectorFactory {

    @Singleton
    LanguageDetector languageDetector(LanguageSettings settings) {
        return LanguageDetector.forLanguages(settings.detect());
    }
}
