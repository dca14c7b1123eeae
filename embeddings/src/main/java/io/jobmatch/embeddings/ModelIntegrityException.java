package io.jobmatch.embeddings;

/**
 * A model file is missing, unreadable or not the file its manifest pins. Thrown at startup so the service never
 * runs with a model that would silently produce a different vector space.
 */
public final class ModelIntegrityException extends RuntimeException {

    public ModelIntegrityException(String message) {
        super(message);
    }

    public ModelIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
