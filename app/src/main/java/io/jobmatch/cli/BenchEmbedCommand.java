package io.jobmatch.cli;

import io.jobmatch.embeddings.EmbeddingBenchmark;
import io.jobmatch.embeddings.ModelCatalog;
import io.jobmatch.embeddings.ResolvedModel;
import io.jobmatch.model.ModelSettings;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the embedding pipeline (as the service configures it, batch jitter included) against raw ONNX Runtime on
 * the same windows batched as the runtime allows, in one process; the last line is
 * {@code embed-throughput: pipeline=<x> raw=<y> ratio=<x/y>}, each at its best batch size.
 */
@Command(
        name = "bench-embed",
        mixinStandardHelpOptions = true,
        description = "Embedding throughput and CV latency: the real pipeline versus raw ONNX Runtime session.run.")
public class BenchEmbedCommand implements Callable<Integer> {

    @Inject
    ModelSettings settings;

    @Option(names = "--texts", description = "Texts in the mixed corpus (default: ${DEFAULT-VALUE}).")
    int texts = EmbeddingBenchmark.DEFAULT_TEXTS;

    @Option(names = "--model", description = "Model manifest name (default: the configured model, or its fallback).")
    String model;

    @Override
    public Integer call() {
        ModelCatalog catalog = ModelCatalog.create(Path.of(settings.dir()).toAbsolutePath());
        ResolvedModel resolved =
                model == null ? catalog.resolve(settings.name(), settings.fallback()) : catalog.resolve(model, model);
        if (resolved.fallback()) {
            System.err.println("bench-embed: " + resolved.reason());
        }
        int threads = settings.threads() > 0
                ? settings.threads()
                : Runtime.getRuntime().availableProcessors();
        EmbeddingBenchmark.run(resolved, texts, threads, settings.batchJitter(), System.out);
        return 0;
    }
}
