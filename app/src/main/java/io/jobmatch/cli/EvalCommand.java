package io.jobmatch.cli;

import io.jobmatch.eval.EvalDataset;
import io.jobmatch.eval.EvalReport;
import io.jobmatch.eval.Evaluation;
import io.jobmatch.eval.ModeReport;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.search.SearchMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        try (CommandQdrant qdrant = CommandQdrant.throwAway("eval", localSettings, err);
                // No embedding cache: each mode embeds its queries again, so its queries/s includes that cost.
                ApplicationContext context = qdrant.context(environment, Map.of("jobmatch.model.cache-size", 0))) {
            EvalReport report = context.getBean(Evaluation.class).run(dataset.toString(), data, modes, line -> {
                err.println("eval: " + line);
                err.flush();
            });
            print(report, spec.commandLine().getOut());
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
}
