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
 * <p>The searches are timed twice: right after the restart (cold, printed) and after {@code --warm-up} more
 * searches (the last line). A freshly started JVM interprets the code around the model for its first hundreds of
 * searches: measured on this project's 2-core machine, the work beyond the model of a cached CV's search fell from
 * about 27 ms to about 11 ms over its first 1,500 searches, while the model's own time does not change.
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

    /** Searches (and embeddings) at the start of each timed run that are not counted: connections and caches settle. */
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
            names = "--warm-up",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Searches run between the cold and the timed runs, one CV repeated (its embedding cached), "
                    + "so that the JIT has compiled the rest of a search (default: ${DEFAULT-VALUE}).")
    int warmUpSearches;

    @Option(
            names = "--startup-timeout",
            defaultValue = "180",
            paramLabel = "S",
            description = "Seconds to wait for the first answered search (default: ${DEFAULT-VALUE}).")
    int startupTimeout;

    @Override
    public Integer call() {
        if (searches < 1 || words < 1 || warmUpSearches < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--searches and --words must be at least 1, --warm-up at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> cvs = new ArrayList<>();
        for (int i = 0; i < 2 * (WARM_UP + searches) + 1; i++) {
            cvs.add(SyntheticCorpus.cv(9_000_001L + i, words));
        }
        String probe = cvs.removeLast();
        double firstStartSeconds;
        double startupSeconds;
        Run cold;
        Run warm;
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
                cold = timed(client, bare, cvs.subList(0, WARM_UP + searches));
                // The probe CV again and again: its embedding is cached, so this runs the rest of a search (HTTP,
                // Qdrant, PostgreSQL, explanations, JSON) until the JIT has compiled it, as on a running board.
                for (int i = 0; i < warmUpSearches; i++) {
                    checked(search(client, probe));
                }
                warm = timed(client, bare, cvs.subList(WARM_UP + searches, cvs.size()));
            }
        }
        Latency search = Latency.of(warm.searchNanos());
        Latency model = Latency.of(warm.modelNanos());
        out.printf(
                Locale.ROOT,
                "searches=%d words=%d (sequential, distinct CVs, language en, limit 10), after %d warm-up searches%n",
                searches,
                words,
                warmUpSearches);
        out.printf(Locale.ROOT, "%-24s %8s %8s%n", "what", "p50 ms", "p95 ms");
        out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "search (client)", search.p50(), search.p95());
        warm.stageNanos().forEach((stage, nanos) -> {
            Latency latency = Latency.of(nanos);
            out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "  server " + stage, latency.p50(), latency.p95());
        });
        out.printf(Locale.ROOT, "%-24s %8.1f %8.1f%n", "bare model", model.p50(), model.p95());
        Latency coldSearch = Latency.of(cold.searchNanos());
        Latency coldModel = Latency.of(cold.modelNanos());
        out.printf(
                Locale.ROOT,
                "cold, the first %d searches after the restart: p50=%.1f model-p50=%.1f ratio=%.2f%n",
                searches,
                coldSearch.p50(),
                coldModel.p50(),
                coldSearch.p50() / coldModel.p50());
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

    /** Timed searches (client side), the same CVs through the bare model, and the searches' Server-Timing stages. */
    private record Run(long[] searchNanos, long[] modelNanos, Map<String, long[]> stageNanos) {}

    /** Each CV searched and embedded by the bare engine, the first {@link #WARM_UP} not counted. */
    private static Run timed(LoopbackClient client, EmbeddingEngine bare, List<String> cvs) {
        int counted = cvs.size() - WARM_UP;
        Run run = new Run(new long[counted], new long[counted], new LinkedHashMap<>());
        for (int i = 0; i < cvs.size(); i++) {
            int timed = i - WARM_UP;
            // Alternated, so neither side always runs on caches the other warmed.
            long bareNanos = i % 2 == 1 ? embed(bare, cvs.get(i)) : 0;
            LoopbackClient.Answer answer = checked(search(client, cvs.get(i)));
            bareNanos = i % 2 == 0 ? embed(bare, cvs.get(i)) : bareNanos;
            if (timed >= 0) {
                run.modelNanos()[timed] = bareNanos;
                run.searchNanos()[timed] = answer.nanos();
                answer.serverTiming()
                        .forEach((stage, ms) -> run.stageNanos().computeIfAbsent(stage, s -> new long[counted])[timed] =
                                Math.round(ms * 1e6));
            }
        }
        return run;
    }

    private static LoopbackClient.Answer checked(LoopbackClient.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("search answered " + answer.status() + ": " + answer.body());
        }
        return answer;
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
