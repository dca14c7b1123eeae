package io.jobmatch.feeds;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on a terminal (me.tongfei:progressbar): rows done, rows/s and ETA. The number of rows is not known
 * before the files are read, so the bar's end is estimated from the share of the files' bytes read so far.
 */
public final class TerminalProgress implements ImportProgress {

    private final ProgressBar bar;
    private final long totalBytes;

    public TerminalProgress(PrintStream terminal, long totalBytes) {
        this.totalBytes = totalBytes;
        this.bar = new ProgressBarBuilder()
                .setTaskName("import")
                .setUnit(" rows", 1)
                .showSpeed()
                .setInitialMax(-1)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .build();
    }

    @Override
    public void update(long rowsRead, long rowsDone, long bytesRead) {
        bar.maxHint(ImportProgress.estimatedRows(rowsRead, bytesRead, totalBytes));
        bar.stepTo(rowsDone);
    }

    @Override
    public void close() {
        bar.maxHint(bar.getCurrent());
        bar.close();
    }
}
