package io.jobmatch.cli;

import io.jobmatch.eval.EvalDataset;
import io.jobmatch.eval.EvalReport;
import io.jobmatch.eval.Evaluation;
import io.jobmatch.eval.ModeReport;
import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.search.SearchMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures ranking quality on a relevance dataset. It needs Qdrant and the model only: no PostgreSQL is started and
 * live offers are never touched. A local Qdrant (unless an external one is configured) runs on a scratch storage
 * folder deleted at the end, and the corpus goes into a collection of its own, deleted too.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Indexes a dataset's corpus into a throw-away collection, ranks its queries through the search "
                + "code of POST /api/search and prints MRR@10, nDCG@10, Recall@1, Recall@10, language purity and "
                + "queries/s per language and macro-averaged. The last line sums it up.")
public class EvalCommand implements Runnable {

    @Inject
    Environment environment;

    @Inject
    LocalSettings localSettings;

    @Inject
    JsonMapper json;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "Folder with corpus.jsonl, queries.jsonl and qrels.tsv.")
    Path dataset;

    @Option(
            names = "--mode",
            defaultValue = "hybrid",
            paramLabel = "MODE",
            description = "hybrid, dense, keyword, or all (one block per mode; the last line gives hybrid). "
                    + "Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(
            names = "--languages",
            split = ",",
            paramLabel = "LANG",
            description = "Only these languages (documents and queries), e.g. en,fr. Default: all.")
    List<String> languages;

    @Option(
            names = "--max-queries",
            defaultValue = "0",
            paramLabel = "N",
            description = "At most N queries per language (the first in the file); 0 means all. "
                    + "The whole corpus of the chosen languages is indexed either way.")
    int maxQueries;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON to FILE.")
    Path jsonFile;

    @Override
    public void run() {
        List<SearchMode> modes = modes();
        Set<String> keep = languages == null
                ? Set.of()
                : new LinkedHashSet<>(languages.stream()
                        .map(String::strip)
                        .filter(code -> !code.isEmpty())
                        .toList());
        EvalDataset data = EvalDataset.load(dataset, keep, maxQueries, json);
        if (data.queries().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No judged queries in " + dataset + " for " + keep);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "eval: %d documents, %d queries (%s)%n",
                data.documents().size(), data.queries().size(), String.join(",", data.queryLanguages()));
        Path scratch = scratchDir();
        AtomicReference<LocalInfrastructure> servers = new AtomicReference<>();
        Runnable cleanUp = () -> {
            LocalInfrastructure started = servers.getAndSet(null);
            if (started != null) {
                started.close();
            }
            delete(scratch);
        };
        // A SIGTERM runs shutdown hooks, not this method's finally block: the hook stops Qdrant and deletes scratch.
        Thread hook = new Thread(cleanUp, "eval-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            servers.set(LocalInfrastructure.start(throwAway(scratch), false));
            try (ApplicationContext context = evalContext(servers.get())) {
                EvalReport report = context.getBean(Evaluation.class).run(dataset.toString(), data, modes, line -> {
                    err.println("eval: " + line);
                    err.flush();
                });
                print(report, spec.commandLine().getOut());
            }
        } finally {
            cleanUp.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; both clean-ups are idempotent
            }
        }
    }

    private List<SearchMode> modes() {
        if (mode.equalsIgnoreCase("all")) {
            return List.of(SearchMode.DENSE, SearchMode.KEYWORD, SearchMode.HYBRID);
        }
        return List.of(SearchMode.of(mode)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--mode must be hybrid, dense, keyword or all (got '" + mode + "')")));
    }

    private void print(EvalReport report, PrintWriter out) {
        out.printf(
                "model=%s%s documents=%d indexing=%.1fs settings=%s%n",
                report.model(),
                report.multilingualModel() ? "" : " (English-only)",
                report.documents(),
                report.indexingSeconds(),
                report.settings());
        for (ModeReport block : report.modes()) {
            out.println();
            out.println("mode=" + block.mode());
            block.table().forEach(out::println);
        }
        if (jsonFile != null) {
            try {
                Files.write(jsonFile, json.writeValueAsBytes(report));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + jsonFile, e);
            }
        }
        ModeReport last = report.modes().stream()
                .filter(block -> block.mode().equals(SearchMode.HYBRID.id()))
                .findFirst()
                .orElse(report.modes().getLast());
        out.println();
        out.println(last.summary());
        out.flush();
    }

    /** Same settings as the service, but a local Qdrant gets scratch storage and free ports of its own. */
    private LocalSettings throwAway(Path scratch) {
        return new LocalSettings(
                scratch,
                localSettings.jdbcUrl(),
                localSettings.postgresPort(),
                localSettings.qdrantHost(),
                localSettings.qdrantBinary(),
                0,
                0);
    }

    /**
     * A context with everything this command's context was configured with, the local Qdrant's address, and a
     * collection prefix of its own. It is a CLI context, so the service's indexer (which reads PostgreSQL) is absent.
     */
    private ApplicationContext evalContext(LocalInfrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(infrastructure.properties());
        properties.put(
                "jobmatch.qdrant.collection-prefix",
                "eval_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis());
        // No embedding cache: each mode embeds its queries again, so its queries/s includes that cost.
        properties.put("jobmatch.model.cache-size", 0);
        PropertySource[] inherited = environment.getPropertySources().stream()
                .map(source -> PropertySource.of("inherited-" + source.getName(), asMap(source), source.getOrder()))
                .toArray(PropertySource[]::new);
        return ApplicationContext.builder()
                .environments(Environment.CLI)
                .propertySources(inherited)
                .properties(properties)
                .start();
    }

    private static Map<String, Object> asMap(PropertySource source) {
        Map<String, Object> map = new HashMap<>();
        source.forEach(key -> map.put(key, source.get(key)));
        return map;
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("jobmatch-eval");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder", e);
        }
    }

    private void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            spec.commandLine().getErr().println("eval: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
