package io.jobmatch.index;

/** Qdrant could not be reached or refused an operation; the system of record is unaffected. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
