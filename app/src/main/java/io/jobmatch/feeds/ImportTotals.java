package io.jobmatch.feeds;

import java.util.Locale;

/**
 * What an import did: rows read, and what became of them ({@code invalid}: refused here or by the service, FORBIDDEN
 * items included).
 */
public record ImportTotals(long read, long created, long updated, long unchanged, long invalid) {

    /** The command's last line: {@code import: read=… created=… updated=… unchanged=… invalid=… seconds=…}. */
    public String summary(double seconds) {
        return String.format(
                Locale.ROOT,
                "import: read=%d created=%d updated=%d unchanged=%d invalid=%d seconds=%.1f",
                read,
                created,
                updated,
                unchanged,
                invalid,
                seconds);
    }
}
