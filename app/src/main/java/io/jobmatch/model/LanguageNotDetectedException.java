package io.jobmatch.model;

/**
 * A text without a language label whose language the detector is not sure of: it is refused rather than filed under
 * a wrong language, where nobody would find it. The message says what was guessed and what is needed.
 */
public class LanguageNotDetectedException extends RuntimeException {

    LanguageNotDetectedException(String message) {
        super(message);
    }
}
