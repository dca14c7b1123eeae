package io.jobmatch.cli;

import io.jobmatch.embeddings.SyntheticCorpus;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.model.ModelSettings;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Mixed load against a service on this machine: {@code --concurrency} clients, each sending CV searches and offer
 * upserts back to back for {@code --duration} seconds, honouring {@code Retry-After} when shed as a well-behaved client
 * does. Then every acknowledged write is read back. It fails (exit 1) on any 5xx other than a 503 with
 * {@code Retry-After}, on a shed rate of searches of 10 % or more, or on an acknowledged write that cannot be read.
 * A {@code /health/liveness} probe runs throughout: it answers from a thread the searches do not hold, so its
 * latency shows that no request work blocks the event loops.
 */
@Command(
        name = "bench-load",
        mixinStandardHelpOptions = true,
        description = "Mixed load (CV searches and upserts) against a jobmatch on loopback; checks shedding, errors "
                + "and acknowledged writes. The last line sums it up.")
public class BenchLoadCommand implements Callable<Integer> {

    static final double MAX_SHED_RATE = 0.10;

    @Inject
    JsonMapper json;

    @Inject
    ModelSettings modelSettings;

    @Inject
    LocalSettings localSettings;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "A running service on this machine (loopback only); default: start one on a private data "
                    + "directory with the sample offers.")
    String url;

    @Option(
            names = "--duration",
            defaultValue = "60",
            paramLabel = "S",
            description = "Seconds of load (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(
            names = "--concurrency",
            defaultValue = "32",
            paramLabel = "N",
            description = "Clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--search-share",
            defaultValue = "0.8",
            paramLabel = "X",
            description = "Share of requests that are CV searches, the rest upserts (default: ${DEFAULT-VALUE}).")
    double searchShare;

    @Option(
            names = "--words",
            defaultValue = "600",
            paramLabel = "N",
            description = "Words per CV (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "API key sent with the upserts to --url as a Bearer token (default: $JOBMATCH_API_KEY, if set); "
                            + "a service this command starts gets a key of its own.")
    String key;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Seed of CVs and offers (default: ${DEFAULT-VALUE}).")
    long seed;

    /** One finished request. */
    private record Outcome(boolean search, int status, long nanos, boolean retryAfter) {}

    /** An upsert the service acknowledged: it must be readable afterwards. */
    private record Acknowledged(String id, String externalId) {}

    @Override
    public Integer call() throws InterruptedException {
        if (duration < 1 || concurrency < 1 || words < 1 || searchShare < 0 || searchShare > 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--duration, --concurrency and --words must be at least 1, --search-share 0..1");
        }
        if (url != null && !loopback(url)) {
            throw new ParameterException(spec.commandLine(), "--url must point at this machine (loopback): " + url);
        }
        String apiKey = key != null ? key : System.getenv("JOBMATCH_API_KEY");
        PrintWriter err = spec.commandLine().getErr();
        if (url != null) {
            return run(url, apiKey);
        }
        try (ServiceProcess service =
                ServiceProcess.start(spec.name(), Path.of(modelSettings.dir()), localSettings.qdrantBinary())) {
            service.awaitReady(new LoopbackClient(service.baseUrl(), json, Duration.ofSeconds(10)), err);
            return run(service.baseUrl(), service.apiKey());
        }
    }

    private int run(String base, String apiKey) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LoopbackClient client = new LoopbackClient(base, json, Duration.ofSeconds(120));
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> liveness = new ConcurrentLinkedQueue<>();
        AtomicLong sequence = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Random random = new Random(seed * 7_919 + c);
            clients.add(Thread.ofPlatform().name("load-client-" + c).start(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.incrementAndGet();
                    boolean search = random.nextDouble() < searchShare;
                    try {
                        LoopbackClient.Answer answer = search
                                ? client.post(
                                        "/api/search",
                                        Map.of(
                                                "text",
                                                SyntheticCorpus.cv(seed * 1_000_003L + n, words),
                                                "language",
                                                "en",
                                                "limit",
                                                10),
                                        Map.of())
                                : upsert(client, apiKey, n, acknowledged);
                        Optional<String> retryAfter = answer.header("Retry-After");
                        outcomes.add(new Outcome(search, answer.status(), answer.nanos(), retryAfter.isPresent()));
                        if (answer.status() == 503 && retryAfter.isPresent()) {
                            Thread.sleep(TimeUnit.SECONDS.toMillis(
                                    Long.parseLong(retryAfter.get().strip())));
                        } else if (answer.status() >= 300) {
                            failures.add((search ? "search " : "upsert ") + answer.status() + ": "
                                    + answer.body()
                                            .substring(
                                                    0,
                                                    Math.min(200, answer.body().length())));
                        }
                    } catch (UncheckedIOException e) {
                        failures.add((search ? "search " : "upsert ") + "failed: " + e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        Thread probe = Thread.ofPlatform().name("load-liveness").start(() -> {
            while (System.nanoTime() < deadline) {
                try {
                    LoopbackClient.Answer answer = client.get("/health/liveness");
                    if (answer.status() != 200) {
                        failures.add("liveness " + answer.status());
                    }
                    liveness.add(answer.nanos());
                    Thread.sleep(250);
                } catch (UncheckedIOException e) {
                    failures.add("liveness failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (Thread thread : clients) {
            thread.join();
        }
        probe.join();
        List<String> unreadable = new ArrayList<>();
        for (Acknowledged written : acknowledged) {
            LoopbackClient.Answer answer = client.get("/api/offers/" + written.id());
            if (answer.status() != 200
                    || !written.externalId()
                            .equals(client.read(answer).get("externalId").getStringValue())) {
                unreadable.add(written.externalId() + " (" + answer.status() + ")");
            }
        }
        return report(outcomes, failures, unreadable, liveness, acknowledged.size(), out);
    }

    private LoopbackClient.Answer upsert(
            LoopbackClient client, String apiKey, long n, ConcurrentLinkedQueue<Acknowledged> acknowledged) {
        String externalId = "load-" + seed + "-" + n;
        LoopbackClient.Answer answer = client.post(
                "/api/offers",
                Map.of(
                        "source",
                        "bench-load",
                        "externalId",
                        externalId,
                        "title",
                        SyntheticCorpus.title(seed * 31 + n),
                        "description",
                        SyntheticCorpus.offer(seed * 31 + n),
                        "language",
                        "en",
                        "country",
                        "GB"),
                apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey));
        if (answer.status() == 200 || answer.status() == 201) {
            acknowledged.add(new Acknowledged(client.read(answer).get("id").getStringValue(), externalId));
        }
        return answer;
    }

    private int report(
            ConcurrentLinkedQueue<Outcome> outcomes,
            ConcurrentLinkedQueue<String> failures,
            List<String> unreadable,
            ConcurrentLinkedQueue<Long> liveness,
            int writes,
            PrintWriter out) {
        List<Outcome> all = List.copyOf(outcomes);
        long searches = all.stream().filter(Outcome::search).count();
        long shed = all.stream()
                .filter(o -> o.search() && o.status() == 503 && o.retryAfter())
                .count();
        long upsertsShed =
                all.stream().filter(o -> !o.search() && o.status() == 503).count();
        long bad5xx = all.stream()
                .filter(o -> o.status() >= 500 && !(o.status() == 503 && o.retryAfter()))
                .count();
        Latency search = Latency.of(nanos(all, true));
        Latency upsert = Latency.of(nanos(all, false));
        Latency probe = Latency.of(liveness.stream().mapToLong(Long::longValue).toArray());
        double shedRate = searches == 0 ? 0 : (double) shed / searches;
        out.printf(
                Locale.ROOT,
                "duration=%ds concurrency=%d search-share=%.2f words=%d: %d requests (%d searches, %d upserts)%n",
                duration,
                concurrency,
                searchShare,
                words,
                all.size(),
                searches,
                all.size() - searches);
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s%n", "answered", "p50 ms", "p95 ms", "p99 ms");
        printRow(out, "search (200)", search);
        printRow(out, "upsert (200/201)", upsert);
        printRow(out, "liveness probe", probe);
        out.printf(
                Locale.ROOT,
                "shed searches (503 + Retry-After): %d (%.1f %%); upserts shed: %d; other 5xx: %d; acknowledged writes:"
                        + " %d, unreadable: %d%n",
                shed,
                100 * shedRate,
                upsertsShed,
                bad5xx,
                writes,
                unreadable.size());
        failures.stream().limit(10).forEach(failure -> out.println("  failure: " + failure));
        unreadable.stream().limit(10).forEach(id -> out.println("  unreadable: " + id));
        boolean passed = failures.isEmpty() && unreadable.isEmpty() && bad5xx == 0 && shedRate < MAX_SHED_RATE;
        out.printf(
                Locale.ROOT,
                "bench-load: searches=%d upserts=%d search-p50=%.0f search-p99=%.0f upsert-p50=%.0f upsert-p99=%.0f "
                        + "shed-rate=%.3f errors=%d unreadable=%d %s%n",
                searches,
                all.size() - searches,
                search.p50(),
                search.p99(),
                upsert.p50(),
                upsert.p99(),
                shedRate,
                failures.size() + bad5xx,
                unreadable.size(),
                passed ? "PASS" : "FAIL");
        out.flush();
        return passed ? 0 : 1;
    }

    private static void printRow(PrintWriter out, String what, Latency latency) {
        out.printf(Locale.ROOT, "%-22s %9.1f %9.1f %9.1f%n", what, latency.p50(), latency.p95(), latency.p99());
    }

    private static long[] nanos(List<Outcome> all, boolean search) {
        return all.stream()
                .filter(o -> o.search() == search && o.status() < 300)
                .mapToLong(Outcome::nanos)
                .toArray();
    }

    private static boolean loopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }
}
