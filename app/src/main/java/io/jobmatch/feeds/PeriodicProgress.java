package io.jobmatch.feeds;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress when no terminal shows it (a log, a pipe, CI): one plain line every {@code interval} with the rows read,
 * rows/s and an estimate of the time left from the share of the files' bytes read.
 */
public final class PeriodicProgress implements ImportProgress {

    private final PrintWriter out;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "import-progress");
        thread.setDaemon(true);
        return thread;
    });

    public PeriodicProgress(PrintWriter out, long totalBytes, Duration interval) {
        this.out = out;
        this.totalBytes = totalBytes;
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void update(long rows, long bytesRead) {
        this.rows.set(rows);
        this.bytesRead.set(bytesRead);
    }

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long done = rows.get();
        double share = totalBytes == 0 ? 1 : Math.min(1, bytesRead.get() / (double) totalBytes);
        String eta =
                share > 0 && share < 1 ? String.format(Locale.ROOT, ", ETA %.0f s", seconds * (1 - share) / share) : "";
        out.println(String.format(
                Locale.ROOT,
                "import: %d rows, %.0f rows/s, %.0f%% of the files read%s",
                done,
                done / Math.max(seconds, 1e-3),
                share * 100,
                eta));
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
