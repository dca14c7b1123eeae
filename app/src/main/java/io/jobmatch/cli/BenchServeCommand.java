package io.jobmatch.cli;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.EngineOptions;
import io.jobmatch.embeddings.ModelCatalog;
import io.jobmatch.embeddings.SyntheticCorpus;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.model.ModelSettings;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a CV search costs beyond its model, and how long the service takes to answer its first search: starts
 * {@code serve} as a process of its own (fresh data directory, sample offers), restarts it on that directory, then
 * times sequential searches with distinct CVs over loopback, with their {@code Server-Timing} breakdown, each paired
 * with the same CV through a bare engine (cache off) in this process. The two alternate and never overlap, so they
 * never share the cores, and a drift in the machine's speed (a noisy neighbour, a throttled core) moves both alike.
 *
 * <p>{@code startup-s} is the restart's: what a deploy or a new replica of a running board waits for, its offers
 * already stored and indexed. The first start on an empty directory is printed too; it also embeds the 72 samples,
 * model work that grows with the offers rather than with startup.
 */
@Command(
        name = "bench-serve",
        mixinStandardHelpOptions = true,
        description = "Starts the service on a private data directory, restarts it there, times sequential CV searches "
                + "against it and the same CVs through the bare model. The last line sums it up.")
public class BenchServeCommand implements Callable<Integer> {

    /** Searches (and embeddings) run first and not counted: connections, caches and the JIT settle. */
    static final int WARM_UP = 5;

    @Inject
    ModelSettings modelSettings;

    @Inject
    JsonMapper json;

    @Inject
    LocalSettings localSettings;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--searches",
            defaultValue = "50",
            paramLabel = "N",
            description = "Searches timed (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(
            names = "--words",
            defaultValue = "600",
            paramLabel = "N",
            description = "Words per CV (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(
            names = "--startup-timeout",
            defaultValue = "180",
            paramLabel = "S",
            description = "Seconds to wait for the first answered search (default: ${DEFAULT-VALUE}).")
    int startupTimeout;

    @Override
    public Integer call() {
        if (searches < 1 || words < 1) {
            throw new ParameterException(spec.commandLine(), "--searches and --words must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> cvs = new ArrayList<>();
        for (int i = 0; i < WARM_UP + searches + 1; i++) {
            cvs.add(SyntheticCorpus.cv(9_000_001L + i, words));
        }
        String probe = cvs.removeLast();
        long[] searchNanos = new long[searches];
        long[] modelNanos = new long[searches];
        Map<String, long[]> stageNanos = new LinkedHashMap<>();
        double firstStartSeconds;
        double startupSeconds;
        try (ServiceProcess service =
                ServiceProcess.start(spec.name(), Path.of(modelSettings.dir()), localSettings.qdrantBinary())) {
            LoopbackClient client = new LoopbackClient(service.baseUrl(), json, Duration.ofSeconds(60));
            firstStartSeconds = firstAnswer(service, client, probe) / 1e9;
            err.printf(
                    Locale.ROOT,
                    "bench-serve: first start (empty data directory) answered %.1f s after start%n",
                    firstStartSeconds);
            service.restart();
            startupSeconds = firstAnswer(service, client, probe) / 1e9;
            err.printf(Locale.ROOT, "bench-serve: restart answered %.1f s after start%n", startupSeconds);
            try (EmbeddingEngine bare = bareEngine()) {
                for (int i = 0; i < cvs.size(); i++) {
                    int timed = i - WARM_UP;
                    // Alternated, so neither side always runs on caches the other warmed.
                    long bareNanos = i % 2 == 1 ? embed(bare, cvs.get(i)) : 0;
                    LoopbackClient.Answer answer = search(client, cvs.get(i));
                    if (answer.status() != 200) {
                        throw new IllegalStateException("search answered " + answer.status() + ": " + answer.body());
                    }
                    bareNanos = i % 2 == 0 ? embed(bare, cvs.get(i)) : bareNanos;
                    if (timed >= 0) {
                        modelNanos[timed] = bareNanos;
                        searchNanos[timed] = answer.nanos();
                        answer.serverTiming()
                                .forEach((stage, ms) ->
                                        stageNanos.computeIfAbsent(stage, s -> new long[searches])[timed] =
                                                Math.round(ms * 1e6));
                    }
                }
            }
        }
        Latency search = Latency.of(searchNanos);
        Latency model = Latency.of(modelNanos);
        out.printf(
                Locale.ROOT,
                "searches=%d words=%d (sequential, distinct CVs, language en, limit 10)%n",
                searches,
                words);
        out.printf(Locale.ROOT, "%-24s %8s %8s%n", "what", "p50 ms", "p95 ms");
        out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "search (client)", search.p50(), search.p95());
        stageNanos.forEach((stage, nanos) -> {
            Latency latency = Latency.of(nanos);
            out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "  server " + stage, latency.p50(), latency.p95());
        });
        out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "bare model", model.p50(), model.p95());
        out.printf(
                Locale.ROOT,
                "first start, empty data directory (samples stored, embedded and indexed): %.1f s%n"
                        + "restart on that directory (startup-s): %.1f s%n",
                firstStartSeconds,
                startupSeconds);
        out.printf(
                Locale.ROOT,
                "search-latency: p50=%.1f p95=%.1f model-p50=%.1f ratio=%.2f startup-s=%.1f%n",
                search.p50(),
                search.p95(),
                model.p50(),
                search.p50() / model.p50(),
                startupSeconds);
        out.flush();
        return 0;
    }

    /** Nanoseconds from the latest process start to the first search answered with results. */
    private long firstAnswer(ServiceProcess service, LoopbackClient client, String cv) {
        long deadline =
                service.startedNanos() + Duration.ofSeconds(startupTimeout).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("serve exited before answering:\n" + service.logTail(40));
            }
            try {
                LoopbackClient.Answer answer = search(client, cv);
                if (answer.status() == 200 && client.read(answer).get("results").size() > 0) {
                    return System.nanoTime() - service.startedNanos();
                }
            } catch (UncheckedIOException notListeningYet) {
                // The port opens once the samples are stored.
            }
            sleep(50);
        }
        throw new IllegalStateException("no search answered within " + startupTimeout + " s:\n" + service.logTail(40));
    }

    private static LoopbackClient.Answer search(LoopbackClient client, String cv) {
        return client.post("/api/search", Map.of("text", cv, "language", "en", "limit", 10), Map.of());
    }

    /** The bare engine: the service's model and threads, its cache off, in this process. */
    private EmbeddingEngine bareEngine() {
        int threads = modelSettings.threads() > 0
                ? modelSettings.threads()
                : Runtime.getRuntime().availableProcessors();
        return EmbeddingEngine.open(
                ModelCatalog.create(Path.of(modelSettings.dir()).toAbsolutePath())
                        .resolve(modelSettings.name(), modelSettings.fallback()),
                new EngineOptions(modelSettings.batchSize(), threads, 0));
    }

    private static long embed(EmbeddingEngine engine, String cv) {
        long start = System.nanoTime();
        engine.embedQuery(cv);
        return System.nanoTime() - start;
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
