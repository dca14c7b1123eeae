package io.jobmatch.cli;

import io.jobmatch.embeddings.EmbeddingBenchmark;
import io.jobmatch.embeddings.ModelCatalog;
import io.jobmatch.embeddings.ResolvedModel;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.model.ModelSettings;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Indexing throughput end to end against the model's best: starts {@code serve} on a private data directory, sends
 * {@code --offers} realistic offers ({@link IngestCorpus}) through {@code POST /api/offers/bulk} and polls
 * {@code GET /api/index/status} until every one is indexed; then, once the service has stopped so the two never share
 * the cores, embeds the same offers' texts through bare ONNX Runtime at its fastest batch size, the offers' own
 * forward passes only (no passages, no tokenizing, no I/O): the ceiling.
 */
@Command(
        name = "bench-ingest",
        mixinStandardHelpOptions = true,
        description = "Sends realistic offers through the HTTP API until all are indexed, then embeds the same texts "
                + "with bare ONNX Runtime. The last line sums it up.")
public class BenchIngestCommand implements Callable<Integer> {

    @Inject
    ModelSettings modelSettings;

    @Inject
    LocalSettings localSettings;

    @Inject
    JsonMapper json;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--offers",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Offers sent (default: ${DEFAULT-VALUE}).")
    int offers;

    @Option(
            names = "--bulk-size",
            defaultValue = "200",
            paramLabel = "N",
            description = "Offers per bulk request, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int bulkSize;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Seed of the offers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--timeout",
            defaultValue = "1800",
            paramLabel = "S",
            description = "Seconds to wait for every offer to be indexed (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() {
        if (offers < 1 || bulkSize < 1 || bulkSize > 1000 || timeout < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--offers and --timeout must be at least 1, --bulk-size 1 to 1000");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<IngestCorpus.BenchOffer> corpus = IngestCorpus.fromSamples(json).offers(seed, offers);
        ResolvedModel model = ModelCatalog.create(Path.of(modelSettings.dir()).toAbsolutePath())
                .resolve(modelSettings.name(), modelSettings.fallback());
        describe(out, corpus, model);
        double ingestSeconds;
        // Without the sample offers: nothing but the benchmark's offers is indexed.
        try (ServiceProcess service = ServiceProcess.start(
                spec.name(),
                Path.of(modelSettings.dir()),
                localSettings.qdrantBinary(),
                Map.of("JOBMATCH_SAMPLES_LOAD", "false"))) {
            LoopbackClient client = new LoopbackClient(service.baseUrl(), json, Duration.ofMinutes(10));
            service.awaitReady(client, err);
            IndexStatus before = awaitIndexed(service, client, 0, err);
            long start = System.nanoTime();
            send(client, service.apiKey(), corpus);
            double sentSeconds = (System.nanoTime() - start) / 1e9;
            awaitIndexed(service, client, before.indexed() + offers, err);
            ingestSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "ingest: %d offers accepted in %.1f s (bulk of %d), all indexed after %.1f s: %.2f offers/s%n",
                    offers,
                    sentSeconds,
                    bulkSize,
                    ingestSeconds,
                    offers / ingestSeconds);
        }
        out.flush();
        int threads = modelSettings.threads() > 0
                ? modelSettings.threads()
                : Runtime.getRuntime().availableProcessors();
        EmbeddingBenchmark.Ceiling ceiling = EmbeddingBenchmark.ceiling(
                model,
                corpus.stream().map(IngestCorpus.BenchOffer::embeddedText).toList(),
                threads,
                System.out);
        out.printf(
                Locale.ROOT,
                "ceiling: bare ONNX Runtime, %d intra-op threads, batch %d: %d offers in %.1f s, %.2f offers/s%n",
                threads,
                ceiling.batchSize(),
                offers,
                ceiling.seconds(),
                ceiling.textsPerSecond());
        double rate = offers / ingestSeconds;
        out.printf(
                Locale.ROOT,
                "ingest-throughput: offers/s=%.2f embed-ceiling=%.2f ratio=%.3f%n",
                rate,
                ceiling.textsPerSecond(),
                rate / ceiling.textsPerSecond());
        out.flush();
        return 0;
    }

    private void describe(PrintWriter out, List<IngestCorpus.BenchOffer> corpus, ResolvedModel model) {
        IntSummaryStatistics words =
                corpus.stream().mapToInt(IngestCorpus.BenchOffer::words).summaryStatistics();
        Map<String, Long> languages = corpus.stream()
                .collect(Collectors.groupingBy(IngestCorpus.BenchOffer::language, TreeMap::new, Collectors.counting()));
        out.printf(
                Locale.ROOT,
                "bench-ingest: %d offers %s, %d-%d words (mean %.0f); model %s, batch jitter %s%n",
                corpus.size(),
                languages,
                words.getMin(),
                words.getMax(),
                words.getAverage(),
                model.manifest().name(),
                modelSettings.batchJitter() ? "on" : "off");
    }

    private void send(LoopbackClient client, String apiKey, List<IngestCorpus.BenchOffer> corpus) {
        for (int from = 0; from < corpus.size(); from += bulkSize) {
            List<Map<String, Object>> items = corpus.subList(from, Math.min(corpus.size(), from + bulkSize)).stream()
                    .map(IngestCorpus.BenchOffer::json)
                    .toList();
            LoopbackClient.Answer answer =
                    client.post("/api/offers/bulk", items, Map.of("Authorization", "Bearer " + apiKey));
            if (answer.status() != 200) {
                throw new IllegalStateException("bulk answered " + answer.status() + ": " + answer.body());
            }
            JsonNode body = client.read(answer);
            int stored = body.get("created").getIntValue() + body.get("updated").getIntValue();
            if (stored != items.size()) {
                throw new IllegalStateException(
                        "bulk stored " + stored + " of " + items.size() + " offers: " + answer.body());
            }
        }
    }

    /** {@code GET /api/index/status} (any valid key), the durable indexing queue's view of the index. */
    record IndexStatus(long indexed, long pending, long failed) {}

    private static IndexStatus status(LoopbackClient client, String apiKey) {
        LoopbackClient.Answer answer = client.get("/api/index/status", Map.of("Authorization", "Bearer " + apiKey));
        if (answer.status() == 404) {
            throw new IllegalStateException("this service has no GET /api/index/status (the durable indexing queue), "
                    + "which bench-ingest needs to know when every offer is indexed");
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/index/status answered " + answer.status() + ": " + answer.body());
        }
        JsonNode body = client.read(answer);
        return new IndexStatus(
                body.get("indexed").getLongValue(),
                body.get("pending").getLongValue(),
                body.get("failed").getLongValue());
    }

    /** Polls until nothing is pending and at least {@code target} offers are indexed; returns that status. */
    private IndexStatus awaitIndexed(ServiceProcess service, LoopbackClient client, long target, PrintWriter err) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("serve exited:\n" + service.logTail(40));
            }
            IndexStatus status = status(client, service.apiKey());
            if (status.failed() > 0) {
                throw new IllegalStateException(status.failed() + " indexing tasks failed:\n" + service.logTail(40));
            }
            if (status.indexed() >= target && status.pending() == 0) {
                return status;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                err.printf("bench-ingest: %d indexed, %d pending%n", status.indexed(), status.pending());
                lastReport = System.nanoTime();
            }
            sleep(100);
        }
        throw new IllegalStateException("offers not all indexed within " + timeout + " s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
