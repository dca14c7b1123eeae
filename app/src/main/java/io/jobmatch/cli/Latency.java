package io.jobmatch.cli;

import java.util.Arrays;

/** Median, 95th and 99th percentile of one scenario's timings, in milliseconds. */
record Latency(double p50, double p95, double p99) {

    static Latency of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
    }

    /** Nearest rank: the smallest timing that at least {@code fraction} of the timings do not exceed. */
    private static double percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
