package io.jobmatch.feeds;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress when no terminal shows it (a log, a pipe, CI): one plain line every {@code interval} with the rows done,
 * the rows expected (estimated from the share of the files' bytes read), rows/s and the time left.
 */
public final class PeriodicProgress implements ImportProgress {

    private final PrintWriter out;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();
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
    public void update(long rowsRead, long rowsDone, long bytesRead) {
        this.rowsRead.set(rowsRead);
        this.rowsDone.set(rowsDone);
        this.bytesRead.set(bytesRead);
    }

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long done = rowsDone.get();
        long expected = ImportProgress.estimatedRows(rowsRead.get(), bytesRead.get(), totalBytes);
        double rate = done / Math.max(seconds, 1e-3);
        String eta = rate > 0 ? String.format(Locale.ROOT, ", ETA %.0f s", Math.max(0, expected - done) / rate) : "";
        out.println(String.format(
                Locale.ROOT, "import: %d of about %d rows done, %.0f rows/s%s", done, expected, rate, eta));
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
