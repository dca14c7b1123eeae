package io.jobmatch.model;

import io.jobmatch.embeddings.InferenceAdmission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The model's admission queue: at most {@link InferenceSettings#concurrent()} inferences run, searches wait in a
 * queue of at most {@link InferenceSettings#queueSize()} and the next one is refused at once
 * ({@link InferenceOverloadedException}, a 503 with {@code Retry-After}). Indexing is never refused, because its
 * offers are committed already: it waits, letting searches go first, until it has waited
 * {@link InferenceSettings#indexingYield()}, after which it takes the next free turn, so a steady stream of searches
 * cannot starve it. A hand-written queue rather than a bulkhead library: none found offers two priorities with
 * ageing, and it is a lock and two lines of waiters.
 */
@Singleton
public class InferenceQueue implements InferenceAdmission {

    /** One waiter; {@code admitted} is set under the lock by whoever hands it a turn. */
    private static final class Ticket {
        final long since = System.nanoTime();
        boolean admitted;
    }

    private final InferenceSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final Deque<Ticket> searches = new ArrayDeque<>();
    private final Deque<Ticket> indexing = new ArrayDeque<>();
    private int running;

    private final Counter shed;
    private final Timer searchWait;
    private final Timer indexingWait;
    private final Timer searchInference;
    private final Timer indexingInference;

    InferenceQueue(InferenceSettings settings, MeterRegistry registry) {
        if (settings.concurrent() < 1 || settings.queueSize() < 0) {
            throw new IllegalArgumentException("jobmatch.inference.concurrent must be at least 1 and queue-size at "
                    + "least 0: " + settings.concurrent() + ", " + settings.queueSize());
        }
        this.settings = settings;
        Gauge.builder("jobmatch.inference.queue", this, queue -> queue.waiting(true))
                .description("searches waiting for the model")
                .tag("kind", "search")
                .register(registry);
        Gauge.builder("jobmatch.inference.queue", this, queue -> queue.waiting(false))
                .description("indexing batches waiting for the model")
                .tag("kind", "indexing")
                .register(registry);
        Gauge.builder("jobmatch.inference.running", this, InferenceQueue::running)
                .description("inferences running now")
                .register(registry);
        this.shed = Counter.builder("jobmatch.inference.shed")
                .description("searches refused with a 503 because the model's queue was full")
                .register(registry);
        this.searchWait = waitTimer(registry, "search");
        this.indexingWait = waitTimer(registry, "indexing");
        this.searchInference = inferenceTimer(registry, "search");
        this.indexingInference = inferenceTimer(registry, "indexing");
    }

    private static Timer waitTimer(MeterRegistry registry, String kind) {
        return Timer.builder("jobmatch.inference.wait")
                .description("time waiting for the model")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static Timer inferenceTimer(MeterRegistry registry, String kind) {
        return Timer.builder("jobmatch.model.time")
                .description("time in the model (tokenising and ONNX Runtime), queue wait excluded")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** @throws InferenceOverloadedException when a search finds the queue full */
    @Override
    public <T> T admit(Urgency urgency, Supplier<T> inference) {
        boolean search = urgency == Urgency.INTERACTIVE;
        long queued = System.nanoTime();
        enter(search);
        long started = System.nanoTime();
        (search ? searchWait : indexingWait).record(started - queued, TimeUnit.NANOSECONDS);
        try {
            return inference.get();
        } finally {
            (search ? searchInference : indexingInference).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            leave();
        }
    }

    private void enter(boolean search) {
        lock.lock();
        try {
            Ticket ticket = new Ticket();
            (search ? searches : indexing).addLast(ticket);
            admitWhileFree();
            if (!ticket.admitted && search && searches.size() > settings.queueSize()) {
                searches.removeLast();
                shed.increment();
                throw new InferenceOverloadedException(searches.size(), settings.retryAfter());
            }
            while (!ticket.admitted) {
                // Indexing waits whatever happens (its offers are committed); a search's wait is bounded by the queue.
                turn.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            running--;
            admitWhileFree();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free turns out: searches first, unless the oldest indexing batch has yielded long enough. */
    private void admitWhileFree() {
        boolean any = false;
        while (running < settings.concurrent()) {
            Ticket oldestIndexing = indexing.peekFirst();
            boolean indexingsTurn = oldestIndexing != null
                    && (searches.isEmpty()
                            || System.nanoTime() - oldestIndexing.since
                                    >= settings.indexingYield().toNanos());
            Ticket next = indexingsTurn ? indexing.pollFirst() : searches.pollFirst();
            if (next == null) {
                break;
            }
            next.admitted = true;
            running++;
            any = true;
        }
        if (any) {
            turn.signalAll();
        }
    }

    /** Searches (or indexing batches) waiting now. */
    private int waiting(boolean search) {
        lock.lock();
        try {
            return (search ? searches : indexing).size();
        } finally {
            lock.unlock();
        }
    }

    private int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }
}
