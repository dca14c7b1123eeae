package io.jobmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.cli.EvalCommand;
import io.jobmatch.support.TestServers;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./jobmatch eval} on a handmade dataset (src/test/resources/eval/tiny), with the real model and Qdrant.
 * Keyword ranking of this corpus is unambiguous, so the metrics can be worked out by hand:
 * <pre>
 * q1 welder     -> en-welder first (relevant)                 RR 1    nDCG 1                       R@1 1   R@10 1
 * q2 pastry     -> en-pastry-chef, en-baker (grade 2)         RR 1/2  nDCG (2/log2 3)/2 = 0.63093  R@1 0   R@10 1
 * q3 truck      -> en-truck-driver (1 of 2 relevant, the other
 *                  is not in the corpus)                      RR 1    nDCG 1/(1+1/log2 3) = 0.61315 R@1 1/2 R@10 1/2
 * q4 astronaut  -> nothing                                    0
 * q5 soudeuse   -> fr-soudeur (French stemming)               RR 1    nDCG 1                       R@1 1   R@10 1
 * q6 boulangère -> fr-boulanger, not the relevant one         0
 * q7 chauffeur  has no judgement and is left out.
 * en: MRR 2.5/4 = 0.625, nDCG 2.24408/4 = 0.56102, R@1 1.5/4 = 0.375, R@10 2.5/4 = 0.625
 * fr: MRR 0.5, nDCG 0.5, R@1 0.5, R@10 0.5; macro: MRR 0.5625, nDCG 0.53051, R@10 0.5625
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalCommandTest {

    ApplicationContext cli;
    Path dataset;

    @BeforeAll
    void start() throws URISyntaxException {
        Map<String, Object> properties =
                new HashMap<>(TestServers.isolatedProperties(getClass().getSimpleName()));
        properties.keySet().removeIf(key -> key.startsWith("datasources.")); // eval needs no database
        cli = ApplicationContext.run(properties, Environment.CLI);
        dataset = Path.of(getClass().getResource("/eval/tiny").toURI());
    }

    @AfterAll
    void stop() {
        cli.close();
    }

    @Test
    void keywordModeGivesTheMetricsWorkedOutByHand(@TempDir Path out) throws Exception {
        Path json = out.resolve("report.json");
        Run run = eval("--dataset", dataset.toString(), "--mode", "keyword", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(
                "eval: mode=keyword mrr@10=0.5625 ndcg@10=0.5305 recall@10=0.5625 purity=1.0000 queries=6",
                lines.getLast());
        assertEquals(List.of("en", "4", "0.6250", "0.5610", "0.3750", "0.6250", "1.0000"), row(lines, "en"));
        assertEquals(List.of("fr", "2", "0.5000", "0.5000", "0.5000", "0.5000", "1.0000"), row(lines, "fr"));
        assertEquals(List.of("macro", "6", "0.5625", "0.5305", "0.4375", "0.5625", "1.0000"), row(lines, "macro"));
        assertTrue(run.err().contains("indexed 7/7 documents"), "progress goes to stderr: " + run.err());
        String report = Files.readString(json);
        assertTrue(report.contains("\"mode\":\"keyword\"") && report.contains("\"mrr10\":0.5625"), report);
    }

    @Test
    void allModesPrintOneBlockEachAndEndWithHybrid() {
        Run run = eval("--dataset", dataset.toString(), "--mode", "all", "--languages", "en", "--max-queries", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(
                List.of("mode=dense", "mode=keyword", "mode=hybrid"),
                lines.stream().filter(line -> line.startsWith("mode=")).toList());
        assertTrue(
                lines.getLast()
                        .matches("eval: mode=hybrid mrr@10=\\d\\.\\d{4} ndcg@10=\\d\\.\\d{4} "
                                + "recall@10=\\d\\.\\d{4} purity=1\\.0000 queries=3"),
                lines.getLast());
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("fr ")), "--languages en leaves French out");
    }

    @Test
    void unknownModeIsAUsageError() {
        Run run = eval("--dataset", dataset.toString(), "--mode", "fuzzy");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--mode must be hybrid, dense, keyword or all"), run.err());
    }

    private Run eval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(EvalCommand.class, new MicronautFactory(cli))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static List<String> row(List<String> lines, String language) {
        return lines.stream()
                .filter(line -> line.startsWith(language + " "))
                .findFirst()
                .map(line -> Arrays.asList(line.trim().split("\\s+")).subList(0, 7))
                .orElseThrow(() -> new AssertionError("no row for " + language + " in " + lines));
    }

    private record Run(int exitCode, String out, String err) {}
}
