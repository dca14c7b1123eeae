package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.TestServers;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./jobmatch bench-facets} on a small corpus, with a real Qdrant: it runs end to end and sums up. */
class BenchFacetsCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("bench-facets: offers=500 unfiltered-p50=(\\d+\\.\\d{2}) "
            + "filtered-facets-p50=(\\d+\\.\\d{2}) ratio=(\\d+\\.\\d{2}) facets-p50=(\\d+\\.\\d{2}) "
            + "end-to-end-ratio=(\\d+\\.\\d{2})");

    @Test
    void timesEveryScenarioAndEndsWithTheSummaryLine() {
        Map<String, Object> properties =
                new HashMap<>(TestServers.isolatedProperties(getClass().getSimpleName()));
        properties.keySet().removeIf(key -> key.startsWith("datasources.")); // the benchmark needs no database
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (ApplicationContext cli = ApplicationContext.run(properties, Environment.CLI)) {
            exitCode = new CommandLine(BenchFacetsCommand.class, new MicronautFactory(cli))
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute("--offers", "500", "--queries", "20", "--seed", "7");
        }

        assertEquals(0, exitCode, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(
                7,
                lines.stream()
                        .filter(line -> line.matches(".* \\d+\\.\\d{2} +\\d+\\.\\d{2}"))
                        .count(),
                out.toString());
        Matcher summary = SUMMARY.matcher(lines.getLast());
        assertTrue(summary.matches(), lines.getLast());
        for (int group = 1; group <= 5; group++) {
            assertTrue(Double.parseDouble(summary.group(group)) > 0, lines.getLast());
        }
        assertTrue(err.toString().contains("loaded 500/500 offers"), "progress goes to stderr: " + err);
    }

    @Test
    void noQueriesIsAUsageError() {
        int exitCode = new CommandLine(BenchFacetsCommand.class).execute("--queries", "0");

        assertEquals(2, exitCode);
    }
}
