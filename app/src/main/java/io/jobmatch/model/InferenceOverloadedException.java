package io.jobmatch.model;

import java.time.Duration;

/** A search that found the model's queue full: refused at once, to be retried after {@link #retryAfter()}. */
public class InferenceOverloadedException extends RuntimeException {

    private final Duration retryAfter;

    InferenceOverloadedException(int queued, Duration retryAfter) {
        super("The model is busy (" + queued + " searches waiting); retry shortly");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
