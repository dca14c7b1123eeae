package io.jobmatch.embeddings;

import java.util.function.Supplier;

/**
 * Decides when model work may run, so that a service can bound the work in flight and choose what goes first. The
 * engine asks only for work the cache cannot answer: an interactive query ({@link EmbeddingEngine#embedQuery}, a
 * search waiting for its answer) as one unit, so it is never interleaved with another; everything else (offers, their
 * passages) one model call at a time, so a large import yields between calls.
 */
@FunctionalInterface
public interface InferenceAdmission {

    /** Who waits for the work. */
    enum Urgency {
        /** Someone waits for the answer now: a search. */
        INTERACTIVE,
        /** Indexing: its offers are stored already, nobody waits for this very call. */
        BACKGROUND
    }

    /** Runs everything at once, unbounded: a library user with no service around it. */
    InferenceAdmission UNBOUNDED = new InferenceAdmission() {
        @Override
        public <T> T admit(Urgency urgency, Supplier<T> inference) {
            return inference.get();
        }
    };

    /**
     * Runs {@code inference} when admitted; an implementation may refuse by throwing its own unchecked exception.
     */
    <T> T admit(Urgency urgency, Supplier<T> inference);
}
