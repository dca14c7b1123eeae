package io.jobmatch.search;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where one search's time went, stage by stage, for its {@code Server-Timing} header and its metrics. Stages that run
 * concurrently each count their own wall time, so they can add up to more than {@link #totalNanos()}. Safe to add
 * to from several threads.
 */
public final class SearchTimings {

    /** The stages of a search, named as in {@code Server-Timing}. */
    public enum Stage {
        /** The model embedding the CV, queue wait included. */
        EMBED,
        /** Ranking and facet requests to Qdrant. */
        QDRANT,
        /** Re-reading the found offers from PostgreSQL. */
        DB,
        /** Highlights and matched terms. */
        EXPLAIN;

        String metricName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final long started = System.nanoTime();
    private final AtomicLongArray nanos = new AtomicLongArray(Stage.values().length);

    /** Runs {@code work} and adds its wall time to {@code stage}. */
    public <T> T time(Stage stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.addAndGet(stage.ordinal(), System.nanoTime() - start);
        }
    }

    public long nanos(Stage stage) {
        return nanos.get(stage.ordinal());
    }

    /** Since this request's timings began. */
    public long totalNanos() {
        return System.nanoTime() - started;
    }

    /** The {@code Server-Timing} value: each stage and the total, in milliseconds. */
    public String serverTiming() {
        return Stream.concat(
                        Stream.of(Stage.values()).map(stage -> entry(stage.metricName(), nanos(stage))),
                        Stream.of(entry("total", totalNanos())))
                .collect(Collectors.joining(", "));
    }

    private static String entry(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.1f", name, nanos / 1e6);
    }
}
