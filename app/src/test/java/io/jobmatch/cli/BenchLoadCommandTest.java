package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.support.ServiceTest;
import io.jobmatch.support.TestServers;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./jobmatch bench-load} with small numbers against a running service (the real one, over loopback): mixed
 * requests for a few seconds, every acknowledged write read back, the summary line last.
 */
@MicronautTest
class BenchLoadCommandTest extends ServiceTest {

    private static final Pattern SUMMARY = Pattern.compile("bench-load: searches=(\\d+) upserts=(\\d+) "
            + "search-p50=\\d+ search-p99=\\d+ upsert-p50=\\d+ upsert-p99=\\d+ shed-rate=(\\d\\.\\d{3}) "
            + "errors=0 unreadable=0 PASS");

    @Inject
    EmbeddedServer server;

    @Inject
    SampleOffersLoader samples;

    @Test
    void mixedLoadPassesAndEveryAcknowledgedWriteIsReadable() {
        samples.load();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (ApplicationContext cli = ApplicationContext.run(Environment.CLI)) {
            exitCode = new CommandLine(BenchLoadCommand.class, new MicronautFactory(cli))
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(
                            "--url", "http://127.0.0.1:" + server.getPort(),
                            "--key", TestServers.API_KEY,
                            "--duration", "4",
                            "--concurrency", "4",
                            "--search-share", "0.5",
                            "--words", "80");
        }

        assertEquals(0, exitCode, out + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        Matcher summary = SUMMARY.matcher(lines.getLast());
        assertTrue(summary.matches(), out.toString());
        assertTrue(Integer.parseInt(summary.group(1)) > 0, "searches were sent");
        assertTrue(Integer.parseInt(summary.group(2)) > 0, "upserts were sent");
    }

    @Test
    void aRemoteUrlIsRefused() {
        assertEquals(2, new CommandLine(BenchLoadCommand.class).execute("--url", "http://10.1.2.3:8080"));
    }
}
