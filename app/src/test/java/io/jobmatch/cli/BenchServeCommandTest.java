package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.TestServers;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./jobmatch bench-serve} with small numbers: it really starts {@code serve} as a process of its own (fresh
 * data directory, samples), searches it, embeds the same CVs with a bare engine, and ends with the summary line.
 */
class BenchServeCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("search-latency: p50=(\\d+\\.\\d) p95=(\\d+\\.\\d) "
            + "model-p50=(\\d+\\.\\d) ratio=(\\d+\\.\\d{2}) startup-s=(\\d+\\.\\d)");

    @Test
    void startsTheServiceSearchesItAndSumsUp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (ApplicationContext cli = ApplicationContext.run(
                Map.of(
                        "jobmatch.model.dir",
                                TestServers.repositoryRoot().resolve("models").toString(),
                        "jobmatch.qdrant.binary", TestServers.qdrantBinary().toString()),
                Environment.CLI)) {
            exitCode = new CommandLine(BenchServeCommand.class, new MicronautFactory(cli))
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute("--searches", "3", "--words", "120", "--warm-up", "5");
        }

        assertEquals(0, exitCode, err.toString());
        List<String> lines = out.toString().lines().toList();
        Matcher summary = SUMMARY.matcher(lines.getLast());
        assertTrue(summary.matches(), out.toString());
        for (int group = 1; group <= 5; group++) {
            assertTrue(Double.parseDouble(summary.group(group)) > 0, lines.getLast());
        }
        assertTrue(
                out.toString().contains("cold, the first 3 searches after the restart: p50="),
                "the cold run is reported too: " + out);
        assertTrue(lines.getFirst().endsWith("after 5 warm-up searches"), lines.getFirst());
        for (String stage : new String[] {"embed", "qdrant", "db", "explain", "total"}) {
            assertTrue(out.toString().contains("server " + stage), "Server-Timing stage " + stage + " reported");
        }
    }

    @Test
    void noSearchesIsAUsageError() {
        assertEquals(2, new CommandLine(BenchServeCommand.class).execute("--searches", "0"));
        assertEquals(2, new CommandLine(BenchServeCommand.class).execute("--warm-up", "-1"));
    }
}
