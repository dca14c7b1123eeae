package io.jobmatch.search;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Runs a search's independent requests side by side (facets while the model embeds, Qdrant reads while PostgreSQL
 * reads), on the blocking executor, with the request's context (its log request id) carried along.
 */
@Singleton
class Overlap {

    private final ExecutorService executor;

    Overlap(@Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
    }

    <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(PropagatedContext.getOrEmpty().wrap(work), executor);
    }

    /** The result, or the work's own exception (a 503 stays a 503), never a wrapper. */
    static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
