package io.jobmatch.embeddings;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a native resource (ONNX Runtime session, Rust tokenizer) alive while calls use it. Calls run concurrently
 * under the read lock; {@link #close} first refuses new calls, then takes the write lock, so it frees the native
 * memory only once no call is inside it. Freeing it under a running call is what crashed the JVM (SIGSEGV in
 * {@code OrtSession.run}) when a context closed during background indexing.
 */
final class NativeCallGuard {

    private static final Logger LOG = LoggerFactory.getLogger(NativeCallGuard.class);

    /** A native call that may throw a checked exception of the library it wraps. */
    @FunctionalInterface
    interface NativeCall<T, E extends Exception> {
        T run() throws E;
    }

    private final String name;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private boolean released;

    NativeCallGuard(String name) {
        this.name = name;
    }

    /** @throws EngineClosedException once {@link #close} has begun */
    <T, E extends Exception> T call(NativeCall<T, E> call) throws E {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new EngineClosedException(name);
            }
            return call.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean closed() {
        return closed;
    }

    /**
     * Refuses new calls, waits up to {@code wait} for the running ones, then runs {@code release} (once, however
     * often it is closed). When a call is
     * still running after the wait, the native memory is deliberately left allocated (the process is ending anyway):
     * a leak at shutdown is harmless, a use-after-free crashes the JVM.
     *
     * @return whether {@code release} ran
     */
    boolean close(Duration wait, Runnable release) {
        closed = true;
        boolean acquired;
        try {
            acquired = lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            LOG.warn(
                    "{}: a call was still running {} ms after close began; its native memory is left to the "
                            + "process exit instead of being freed under it",
                    name,
                    wait.toMillis());
            return false;
        }
        try {
            if (!released) {
                release.run();
                released = true;
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
