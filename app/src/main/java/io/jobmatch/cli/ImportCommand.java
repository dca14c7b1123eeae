package io.jobmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobmatch.feeds.BadRow;
import io.jobmatch.feeds.BadRowsFile;
import io.jobmatch.feeds.BulkClient;
import io.jobmatch.feeds.FeedImport;
import io.jobmatch.feeds.ImportFailedException;
import io.jobmatch.feeds.ImportProgress;
import io.jobmatch.feeds.ImportTotals;
import io.jobmatch.feeds.PeriodicProgress;
import io.jobmatch.feeds.RowError;
import io.jobmatch.feeds.TerminalProgress;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports offer files into a running service through its HTTP API (no server is started here). Exit code 0 when
 * every row was stored, 1 when some were invalid, 2 when the import could not go on (service unreachable, key
 * refused, file unreadable); the last line on standard output sums it up either way.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Imports offers from NDJSON/JSONL, JSON arrays, CSV (header row), schema.org JobPosting "
                + "JSON-LD or HTML job pages, each possibly gzipped, into a running jobmatch through "
                + "POST /api/offers/bulk. Bad rows are reported as file:line or file#index and never stop the "
                + "others. The last line sums it up.")
public class ImportCommand implements Callable<Integer> {

    private static final Duration CHUNK_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    /** How often the plain progress line is printed off a terminal (a test shortens it). */
    Duration progressInterval = Duration.ofSeconds(5);

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            paramLabel = "URL",
            description = "The service (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description = "API key for the offers' sources (default: $JOBMATCH_API_KEY).")
    String key;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Source of the rows that carry none (default: the service's, \"default\").")
    String source;

    @Option(
            names = "--errors",
            paramLabel = "FILE",
            description = "Also write every bad row to FILE as NDJSON: {\"location\", \"field\", \"message\"}.")
    Path errors;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
    List<Path> files;

    @Override
    public Integer call() throws InterruptedException {
        if (!httpUrl(url)) {
            throw new ParameterException(spec.commandLine(), "--url must be an http(s) URL: " + url);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = new ObjectMapper();
        String apiKey = key != null ? key : System.getenv("JOBMATCH_API_KEY");
        long started = System.nanoTime();
        FeedImport feedImport = null;
        int exitCode;
        try (BadRowsFile errorsFile = errors == null ? null : BadRowsFile.create(errors, json)) {
            Consumer<BadRow> badRows = row -> report(row, err);
            if (errorsFile != null) {
                badRows = badRows.andThen(errorsFile);
            }
            feedImport = new FeedImport(new BulkClient(url, apiKey, CHUNK_TIMEOUT, json), json, source, badRows);
            ImportTotals totals;
            try (ImportProgress progress = progress(err)) {
                totals = feedImport.run(files, progress);
            }
            exitCode = totals.invalid() > 0 ? 1 : 0;
        } catch (ImportFailedException | IOException failed) {
            err.println("import: " + failed.getMessage());
            exitCode = 2;
        }
        err.flush();
        ImportTotals totals = feedImport == null ? new ImportTotals(0, 0, 0, 0, 0) : feedImport.totals();
        out.println(totals.summary((System.nanoTime() - started) / 1e9));
        out.flush();
        return exitCode;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static void report(BadRow row, PrintWriter err) {
        String id = row.externalId() == null ? "" : " (externalId " + row.externalId() + ")";
        for (RowError error : row.errors()) {
            err.println(row.location() + ": " + error.field() + ": " + error.message() + id);
        }
    }

    /** A bar on a terminal; plain lines on the command's error stream otherwise (a log, a pipe, a test). */
    private ImportProgress progress(PrintWriter err) {
        long bytes = files.stream().mapToLong(ImportCommand::size).sum();
        return onTerminal()
                ? new TerminalProgress(System.err, bytes)
                : new PeriodicProgress(err, bytes, progressInterval);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            return 0; // the import itself reports it
        }
    }

    /**
     * Whether a person watches: a console, and on JDK 22+ one that is a terminal ({@code Console.isTerminal}, called
     * by reflection because the code targets Java 21, where {@code System.console()} is null off a terminal).
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }
}
