package io.jobmatch.cv;

import io.jobmatch.cv.CvFileException.Reason;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads that parse CV files, with a short line in front of them: a hostile file ties up at most one of
 * them, never the HTTP event loop or the request threads, and a flood of uploads gets 503s instead of piling up.
 * Each extraction has a deadline; one past it is interrupted (parsers stop at their next check of the interrupt
 * flag, or when their own limits trip) and its caller answers at once.
 */
@Singleton
class ExtractionPool {

    private final ThreadPoolExecutor executor;
    private final long timeoutNanos;

    ExtractionPool(CvSettings settings) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "cv-extraction-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(
                settings.extractionThreads(),
                settings.extractionThreads(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.maxWaiting())),
                threads,
                new ThreadPoolExecutor.AbortPolicy());
        this.timeoutNanos = settings.extractionTimeout().toNanos();
    }

    /** Runs {@code task} on an extraction thread and waits for it, the time in line included in the deadline. */
    <T> T run(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new CvFileException(Reason.BUSY, "Every CV extraction thread is busy; retry shortly");
        }
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CvFileException(Reason.TOO_SLOW, "Reading the file's text took too long");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CvFileException(Reason.TOO_SLOW, "Reading the file's text was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CvFileException refused) {
                throw refused;
            }
            throw new CvFileException(Reason.UNREADABLE, "The file could not be read", e.getCause());
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
