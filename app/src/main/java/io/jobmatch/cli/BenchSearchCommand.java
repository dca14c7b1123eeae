package io.jobmatch.cli;

import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.IndexQuery;
import io.jobmatch.index.IndexUnavailableException;
import io.jobmatch.index.IndexedOffer;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.index.OfferVectors;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.offers.OfferCriteria;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What search costs on a large board: N synthetic offers around real embedded ones, loaded straight into a local
 * Qdrant in the service's point layout, then the service's hybrid search request (its query builder, filters and
 * fusion; query vectors drawn, not embedded) timed at concurrency 1 and 8, its recall measured against exact search,
 * and Qdrant's memory and disk read. The collection is kept under the data directory, so an interrupted load resumes
 * and a second run measures again without loading.
 */
@Command(
        name = "bench-search",
        mixinStandardHelpOptions = true,
        description = "Loads N synthetic offers into a kept Qdrant collection (resumable) and measures hybrid search "
                + "latency, recall@10 against exact search, and Qdrant's memory and disk. The last line sums it up.")
public class BenchSearchCommand implements Runnable {

    /**
     * The collection settings docs/scaling.md recommends from a few hundred thousand offers on: int8 dense vectors
     * in RAM rescored by the originals on disk.
     */
    static final Map<String, Object> SCALE_PROFILE = Map.of(
            "jobmatch.qdrant.collection.quantized", true,
            "jobmatch.qdrant.collection.vectors-on-disk", true,
            "jobmatch.qdrant.collection.payload-on-disk", true);

    private static final int LIMIT = 10;
    private static final int LOAD_BATCH = 256;
    private static final int LOADERS = 3;
    private static final int CONCURRENCY = 8;
    private static final int ROUNDS = 3;
    private static final Duration OPTIMISE_TIMEOUT = Duration.ofHours(2);
    private static final int ANCHORS = 1_000;

    @Inject
    Environment environment;

    @Inject
    LocalSettings localSettings;

    @Inject
    JsonMapper json;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--offers",
            defaultValue = "1000000",
            paramLabel = "N",
            description = "Offers loaded (default: ${DEFAULT-VALUE}).")
    int offers;

    @Option(
            names = "--queries",
            defaultValue = "200",
            paramLabel = "N",
            description = "Distinct queries, each timed " + ROUNDS + " times per concurrency (default: "
                    + "${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "N",
            description = "Seed of corpus and queries (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--passages",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Store passage vectors as the service does (default: ${DEFAULT-VALUE}).")
    boolean passages;

    @Option(
            names = "--as-configured",
            description = "Measure the collection settings as configured instead of the scale profile "
                    + "(int8 quantization, originals and payload on disk).")
    boolean asConfigured;

    @Option(names = "--drop", description = "Delete the collection at the end instead of keeping it for the next run.")
    boolean drop;

    @Override
    public void run() {
        if (offers < 1 || queries < 1) {
            throw new ParameterException(spec.commandLine(), "--offers and --queries must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = localSettings.dataDir().resolve("bench-search");
        // Not named for N: a collection grows to a larger N by resuming, offer n being the same whatever N is.
        String prefix = "bench_search_s" + seed + (passages ? "" : "_np") + (asConfigured ? "_c" : "");
        Map<String, Object> overrides = new HashMap<>(asConfigured ? Map.of() : SCALE_PROFILE);
        overrides.put("jobmatch.qdrant.collection-prefix", prefix);
        overrides.put("jobmatch.index.passages.enabled", passages);
        overrides.put("jobmatch.qdrant.upsert-batch-size", LOAD_BATCH);
        // A busy machine stalls an upsert for seconds while Qdrant flushes a segment: a long load waits it out.
        overrides.put("jobmatch.qdrant.timeout", "120s");
        try (CommandQdrant qdrant = CommandQdrant.kept(spec.name(), localSettings, dataDir, err);
                ApplicationContext context = qdrant.context(environment, overrides)) {
            OfferIndex index = context.getBean(OfferIndex.class);
            err.println("bench-search: embedding the sample offers for the corpus's anchors");
            err.flush();
            SyntheticOffers corpus = new SyntheticOffers(
                    SyntheticOffers.LARGE_BOARD,
                    RealAnchors.embed(context.getBean(OfferVectors.class), json, ANCHORS, seed),
                    seed);
            Path progress = dataDir.resolve(index.collection() + ".loaded");
            try {
                load(index, corpus, progress, err);
                measure(
                        index,
                        corpus,
                        qdrant.localDir(localSettings),
                        spec.commandLine().getOut(),
                        err);
            } finally {
                if (drop) {
                    index.drop();
                    deleteQuietly(progress);
                }
            }
        }
    }

    /**
     * Resumes from the progress file: the number of offers loaded without a gap, written after each batch. Indexing
     * is off while loading and back on after, and the command waits for Qdrant to finish it.
     */
    private void load(OfferIndex index, SyntheticOffers corpus, Path progress, PrintWriter err) {
        long from = index.ensureCollection() ? 0 : loaded(progress);
        if (from > offers) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the kept collection " + index.collection() + " holds " + from + " offers, more than --offers; "
                            + "measure it with --offers " + from + " or start over with --drop");
        }
        if (from < offers) {
            err.printf("bench-search: loading offers %d to %d%n", from, offers);
            err.flush();
            index.deferIndexing();
            long started = System.nanoTime();
            loadBatches(index, corpus, from, progress, err);
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(
                    Locale.ROOT,
                    "bench-search: loaded %d offers in %.0f s (%.0f offers/s)%n",
                    offers - from,
                    seconds,
                    (offers - from) / seconds);
        }
        index.resumeIndexing();
        long started = System.nanoTime();
        err.println("bench-search: waiting for Qdrant to build its indexes");
        err.flush();
        if (!index.awaitOptimised(OPTIMISE_TIMEOUT)) {
            err.println("bench-search: Qdrant still optimising after " + OPTIMISE_TIMEOUT.toMinutes() + " min");
        }
        err.printf(Locale.ROOT, "bench-search: indexed in %.0f s%n", (System.nanoTime() - started) / 1e9);
        err.flush();
    }

    /**
     * Batches are made and sent by a few threads; the progress file moves past a batch only once every batch before
     * it has landed, so a resume never leaves a gap (it may send a few batches again: upserts are idempotent).
     */
    private void loadBatches(OfferIndex index, SyntheticOffers corpus, long from, Path progress, PrintWriter err) {
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<?>> pending = new ArrayList<>();
            long next = from;
            for (long start = from; start < offers; start += LOAD_BATCH) {
                long first = start;
                long end = Math.min(offers, start + LOAD_BATCH);
                pending.add(loaders.submit(() -> {
                    List<IndexedOffer> batch = new ArrayList<>(LOAD_BATCH);
                    for (long n = first; n < end; n++) {
                        batch.add(corpus.offer(n));
                    }
                    upsert(index, batch);
                }));
                if (pending.size() > 2 * LOADERS) {
                    await(pending.removeFirst());
                    next += LOAD_BATCH;
                    record(progress, next);
                    if (next % 50_000 < LOAD_BATCH) {
                        err.printf("bench-search: loaded %d/%d offers%n", next, offers);
                        err.flush();
                    }
                }
            }
            for (Future<?> batch : pending) {
                await(batch);
            }
            record(progress, offers);
        } finally {
            loaders.shutdownNow();
        }
    }

    /** One retry after a pause: a stall of Qdrant should not end an hour-long load; a second failure does. */
    private static void upsert(OfferIndex index, List<IndexedOffer> batch) {
        try {
            index.upsert(batch);
        } catch (IndexUnavailableException first) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            index.upsert(batch);
        }
    }

    private void measure(
            OfferIndex index, SyntheticOffers corpus, Optional<Path> qdrantDir, PrintWriter out, PrintWriter err) {
        List<IndexQuery> drawn = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            drawn.add(query(corpus.query(i), i));
        }
        err.println("bench-search: warming up, then timing " + queries + " queries x " + ROUNDS + " rounds");
        err.flush();
        drawn.forEach(index::search);
        Latency single = Latency.of(timed(index, drawn, 1));
        long c8Started = System.nanoTime();
        long[] concurrent = timed(index, drawn, CONCURRENCY);
        double c8Seconds = (System.nanoTime() - c8Started) / 1e9;
        Latency eight = Latency.of(concurrent);
        err.println("bench-search: recall against exact search");
        err.flush();
        double recall = recall(index, drawn);
        long points = index.count();
        out.printf(
                Locale.ROOT,
                "offers=%d points=%d queries=%d seed=%d passages=%s profile=%s%n",
                offers,
                points,
                queries,
                seed,
                passages,
                asConfigured ? "configured" : "scale (int8 + rescore, originals and payload on disk)");
        out.printf(
                Locale.ROOT,
                "concurrency 1: p50=%.2f p95=%.2f p99=%.2f ms%n",
                single.p50(),
                single.p95(),
                single.p99());
        out.printf(
                Locale.ROOT,
                "concurrency %d: p50=%.2f p95=%.2f p99=%.2f ms, %.0f searches/s%n",
                CONCURRENCY,
                eight.p50(),
                eight.p95(),
                eight.p99(),
                concurrent.length / c8Seconds);
        out.printf(Locale.ROOT, "recall@%d against exact search: %.3f%n", LIMIT, recall);
        long rssMib = -1;
        Optional<QdrantFootprint> footprint = qdrantDir.flatMap(dir -> QdrantFootprint.of(dir, index.collection()));
        if (footprint.isPresent()) {
            QdrantFootprint measured = footprint.get();
            rssMib = measured.rssKib() / 1024;
            out.printf(
                    Locale.ROOT,
                    "qdrant memory: rss=%d MiB (anonymous %d MiB), disk=%d MiB%n",
                    rssMib,
                    measured.anonKib() / 1024,
                    measured.diskBytes() >> 20);
            out.println("disk bytes per offer: "
                    + measured.bytesByKind().entrySet().stream()
                            .map(kind -> kind.getKey() + "=" + kind.getValue() / Math.max(1, points))
                            .collect(Collectors.joining(" ")));
        } else {
            out.println("qdrant memory: not measured (external Qdrant)");
        }
        out.printf(
                Locale.ROOT,
                "search-scale: offers=%d p50=%.2f p99=%.2f p99-c8=%.2f recall@10=%.3f qdrant-rss-mib=%d%n",
                offers,
                single.p50(),
                single.p99(),
                eight.p99(),
                recall,
                rssMib);
        out.flush();
    }

    /**
     * The service's search: hybrid, one language, open offers only; a quarter of the queries also narrow by country
     * and a quarter by the filters of bench-facets, as searchers do.
     */
    private static IndexQuery query(SyntheticOffers.Query query, int n) {
        OfferCriteria criteria = switch (n % 4) {
            case 0 ->
                OfferCriteria.inCountry(SyntheticOffers.LARGE_BOARD.countries().get(n % 10));
            case 1 -> BenchFacetsCommand.FILTERS;
            default -> OfferCriteria.ANY;
        };
        return new IndexQuery(
                List.of(query.vector()),
                query.keywords(),
                IndexFilter.open(query.language(), criteria),
                LIMIT,
                0,
                true);
    }

    /** Every query {@link #ROUNDS} times, by {@code threads} threads at once; each timing in nanoseconds. */
    private static long[] timed(OfferIndex index, List<IndexQuery> drawn, int threads) {
        int total = drawn.size() * ROUNDS;
        long[] nanos = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                int slot = i;
                IndexQuery query = drawn.get(i % drawn.size());
                runs.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    index.search(query);
                    nanos[slot] = System.nanoTime() - start;
                }));
            }
            runs.forEach(BenchSearchCommand::await);
        } finally {
            pool.shutdownNow();
        }
        return nanos;
    }

    /** Share of the exact top 10 that the indexed search returns, averaged over the queries. */
    private static double recall(OfferIndex index, List<IndexQuery> drawn) {
        double sum = 0;
        int counted = 0;
        for (IndexQuery query : drawn) {
            Set<Object> exact = new HashSet<>(ids(index.searchExactly(query)));
            if (exact.isEmpty()) {
                continue;
            }
            Set<Object> found = new HashSet<>(ids(index.search(query)));
            found.retainAll(exact);
            sum += (double) found.size() / exact.size();
            counted++;
        }
        return counted == 0 ? 1 : sum / counted;
    }

    private static List<Object> ids(List<IndexHit> hits) {
        return hits.stream().map(hit -> (Object) hit.offerId()).toList();
    }

    private static long loaded(Path progress) {
        try {
            return Files.exists(progress)
                    ? Long.parseLong(Files.readString(progress).trim())
                    : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + progress, e);
        }
    }

    private static void record(Path progress, long loaded) {
        try {
            Files.writeString(progress, Long.toString(loaded));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + progress, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale progress file only makes the next run resume; with the collection gone it starts over anyway
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
