package io.jobmatch.embeddings;

/**
 * The engine was closed (the service is shutting down): no more texts are embedded. Callers treat it like any
 * other temporary unavailability, such as leaving offers pending or answering 503.
 */
public final class EngineClosedException extends IllegalStateException {

    EngineClosedException(String what) {
        super(what + " is closed: the embedding engine is shutting down");
    }
}
