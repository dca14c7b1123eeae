package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.TestServers;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./jobmatch bench-search} on a tiny corpus, with a real Qdrant and the real model embedding the anchors: it
 * loads (twice: the second run resumes and loads nothing), measures and sums up.
 */
class BenchSearchCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("search-scale: offers=300 p50=(\\d+\\.\\d{2}) "
            + "p99=(\\d+\\.\\d{2}) p99-c8=(\\d+\\.\\d{2}) recall@10=(\\d\\.\\d{3}) qdrant-rss-mib=(\\d+)");

    @Test
    void loadsResumesMeasuresAndEndsWithTheSummaryLine(@TempDir Path dataDir) {
        Map<String, Object> properties =
                new HashMap<>(TestServers.isolatedProperties(getClass().getSimpleName()));
        properties.keySet().removeIf(key -> key.startsWith("datasources.")); // the benchmark needs no database
        // A Qdrant of its own, started by the command as on a workstation: its memory is part of what it measures.
        properties.keySet().removeIf(key -> key.equals("jobmatch.qdrant.host") || key.equals("jobmatch.qdrant.port"));
        properties.put("jobmatch.qdrant.binary", TestServers.qdrantBinary().toString());
        properties.put("jobmatch.data-dir", dataDir.toString());
        // Fewer passages to embed for the anchors: the layout is the same, the test twice as quick.
        properties.put("jobmatch.index.passages.max", "3");
        try (ApplicationContext cli = ApplicationContext.run(properties, Environment.CLI)) {
            Run first = run(cli, "--offers", "300", "--queries", "12", "--seed", "3");
            assertEquals(0, first.exitCode(), first.err());
            assertTrue(first.err().contains("loaded 300 offers"), "progress goes to stderr: " + first.err());

            Run second = run(cli, "--offers", "300", "--queries", "12", "--seed", "3", "--drop");
            assertEquals(0, second.exitCode(), second.err());
            assertTrue(!second.err().contains("loading offers"), "the kept collection is reused: " + second.err());

            for (Run run : List.of(first, second)) {
                List<String> lines = run.out().lines().toList();
                assertTrue(lines.getFirst().startsWith("offers=300 points=300 "), run.out());
                assertTrue(run.out().contains("passages="), run.out());
                Matcher summary = SUMMARY.matcher(lines.getLast());
                assertTrue(summary.matches(), lines.getLast());
                for (int group = 1; group <= 3; group++) {
                    assertTrue(Double.parseDouble(summary.group(group)) > 0, lines.getLast());
                }
                // 300 offers are below the indexing threshold: searched exhaustively, so nothing is missed.
                assertEquals(1.0, Double.parseDouble(summary.group(4)), lines.getLast());
                assertTrue(Long.parseLong(summary.group(5)) > 0, lines.getLast());
            }
        }
    }

    @Test
    void noOffersIsAUsageError() {
        int exitCode = new CommandLine(BenchSearchCommand.class).execute("--offers", "0");

        assertEquals(2, exitCode);
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(ApplicationContext cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(BenchSearchCommand.class, new MicronautFactory(cli))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
