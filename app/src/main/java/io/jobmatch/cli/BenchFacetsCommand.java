package io.jobmatch.cli;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.embeddings.SyntheticCorpus;
import io.jobmatch.index.IndexFilter;
import io.jobmatch.index.IndexQuery;
import io.jobmatch.index.IndexedOffer;
import io.jobmatch.index.OfferIndex;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.offers.EmploymentType;
import io.jobmatch.offers.MinimumSalary;
import io.jobmatch.offers.Offer;
import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.offers.OfferStatus;
import io.jobmatch.offers.SalaryPeriod;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What filters and facets add to a search, measured on one synthetic corpus in one run: the Qdrant requests of
 * {@code POST /api/search} (hybrid, limit 10) built by the service's own code, first alone (query vectors drawn, not
 * embedded) and then end to end with the model embedding a 200-word CV, as a search pays it. PostgreSQL is left out:
 * the re-check of a page costs the same with or without filters.
 */
@Command(
        name = "bench-facets",
        mixinStandardHelpOptions = true,
        description = "Loads synthetic offers into a throw-away Qdrant collection and times unfiltered search, "
                + "filtered search, filtered search with facets and facets alone over the same queries. "
                + "The last line sums it up.")
public class BenchFacetsCommand implements Runnable {

    /**
     * Four filters at once, as a searcher narrowing a result list would set them; together they keep about 3 % of a
     * language's open offers, a few hundred at 20,000 offers for the common languages.
     */
    static final OfferCriteria FILTERS = new OfferCriteria(
            null,
            true,
            Set.of(EmploymentType.FULL_TIME, EmploymentType.PART_TIME, EmploymentType.CONTRACTOR),
            SyntheticOffers.LAST_DAY.minusDays(180),
            null,
            new MinimumSalary(BigDecimal.valueOf(30_000), "EUR", SalaryPeriod.YEAR));

    private static final int LIMIT = 10;
    /** A short CV: the end-to-end scenarios show the model's share without letting it swamp the rest. */
    private static final int CV_WORDS = 200;

    private static final int LOAD_BATCH = 500;
    private static final Duration OPTIMISE_TIMEOUT = Duration.ofMinutes(10);

    @Inject
    Environment environment;

    @Inject
    LocalSettings localSettings;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--offers",
            defaultValue = "20000",
            paramLabel = "N",
            description = "Offers loaded (default: ${DEFAULT-VALUE}).")
    int offers;

    @Option(
            names = "--queries",
            defaultValue = "200",
            paramLabel = "N",
            description = "Queries timed per scenario (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "N",
            description = "Seed of corpus and queries (default: ${DEFAULT-VALUE}).")
    long seed;

    /** One way of searching, timed per query; {@code cv} is a text of its own for each query and scenario. */
    private record Scenario(String name, BiConsumer<SyntheticOffers.Query, String> run) {}

    @Override
    public void run() {
        if (offers < 1 || queries < 1) {
            throw new ParameterException(spec.commandLine(), "--offers and --queries must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (CommandQdrant qdrant = CommandQdrant.throwAway(spec.name(), localSettings, err);
                // No embedding cache: every end-to-end query pays for its model run, as a new CV does.
                ApplicationContext context = qdrant.context(environment, Map.of("jobmatch.model.cache-size", 0))) {
            OfferIndex index = context.getBean(OfferIndex.class);
            EmbeddingEngine engine = context.getBean(EmbeddingEngine.class);
            SyntheticOffers corpus = new SyntheticOffers(engine.dimension(), seed);
            index.ensureCollection();
            try {
                long started = System.nanoTime();
                List<Offer> loaded = load(index, corpus, err);
                if (!index.awaitOptimised(OPTIMISE_TIMEOUT)) {
                    err.println("bench-facets: Qdrant still optimising after " + OPTIMISE_TIMEOUT.toMinutes()
                            + " min; measuring anyway");
                }
                double loading = (System.nanoTime() - started) / 1e9;
                List<Scenario> scenarios = scenarios(index, engine);
                // Warm-up on queries of their own: connections, Qdrant's caches and the JIT settle before timing.
                timings(scenarios, queries(corpus, Math.min(50, queries)));
                List<Latency> latencies = timings(scenarios, queries(corpus, queries));
                print(loaded, loading, scenarios, latencies, spec.commandLine().getOut());
            } finally {
                index.drop();
            }
        }
    }

    private List<Offer> load(OfferIndex index, SyntheticOffers corpus, PrintWriter err) {
        List<Offer> loaded = new ArrayList<>(offers);
        for (int from = 0; from < offers; from += LOAD_BATCH) {
            List<IndexedOffer> batch = new ArrayList<>(LOAD_BATCH);
            for (int i = from; i < Math.min(offers, from + LOAD_BATCH); i++) {
                batch.add(corpus.offer());
            }
            index.upsert(batch);
            batch.forEach(indexed -> loaded.add(indexed.offer()));
            err.printf("bench-facets: loaded %d/%d offers%n", loaded.size(), offers);
            err.flush();
        }
        return loaded;
    }

    /**
     * As {@code SearchService} sends them: the ranked request first, then the facets of the same filter; a search
     * without filters still counts its facets, the last scenario. The facets are counted every time, never taken
     * from the service's few-second cache, so the figures are what a search pays on a miss.
     */
    private static List<Scenario> scenarios(OfferIndex index, EmbeddingEngine engine) {
        return List.of(
                new Scenario("unfiltered search", (query, cv) -> index.search(ranked(query, OfferCriteria.ANY))),
                new Scenario("filtered search", (query, cv) -> index.search(ranked(query, FILTERS))),
                new Scenario("filtered search + facets", (query, cv) -> {
                    index.search(ranked(query, FILTERS));
                    index.countFacets(filter(query, FILTERS));
                }),
                new Scenario("facets alone", (query, cv) -> index.countFacets(filter(query, FILTERS))),
                new Scenario("unfiltered search + facets", (query, cv) -> {
                    index.search(ranked(query, OfferCriteria.ANY));
                    index.countFacets(filter(query, OfferCriteria.ANY));
                }),
                // The search as it was before filters and facets, and the filtered one with its facets, each with
                // the model step a real search has.
                new Scenario(
                        "end to end: unfiltered",
                        (query, cv) ->
                                index.search(ranked(query, engine.embedQuery(cv).vector(), OfferCriteria.ANY))),
                new Scenario("end to end: filtered + facets", (query, cv) -> {
                    index.search(ranked(query, engine.embedQuery(cv).vector(), FILTERS));
                    index.countFacets(filter(query, FILTERS));
                }));
    }

    private static IndexQuery ranked(SyntheticOffers.Query query, OfferCriteria criteria) {
        return ranked(query, query.vector(), criteria);
    }

    private static IndexQuery ranked(SyntheticOffers.Query query, float[] vector, OfferCriteria criteria) {
        // Coverage only picks the formula's weights, not the request's shape or cost.
        return new IndexQuery(List.of(vector), query.keywords(), filter(query, criteria), LIMIT, 0, true);
    }

    private static IndexFilter filter(SyntheticOffers.Query query, OfferCriteria criteria) {
        return IndexFilter.open(query.language(), criteria);
    }

    private static List<SyntheticOffers.Query> queries(SyntheticOffers corpus, int count) {
        List<SyntheticOffers.Query> drawn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drawn.add(corpus.query());
        }
        return drawn;
    }

    /**
     * Each query runs every scenario, starting from a different one each time, so that neither a slow spell of the
     * machine nor the cache left by the previous request favours one scenario.
     */
    private List<Latency> timings(List<Scenario> scenarios, List<SyntheticOffers.Query> drawn) {
        long[][] nanos = new long[scenarios.size()][drawn.size()];
        for (int q = 0; q < drawn.size(); q++) {
            for (int k = 0; k < scenarios.size(); k++) {
                int s = (q + k) % scenarios.size();
                String cv = SyntheticCorpus.cv(seed * 1_000_003L + (long) q * scenarios.size() + s, CV_WORDS);
                long start = System.nanoTime();
                scenarios.get(s).run().accept(drawn.get(q), cv);
                nanos[s][q] = System.nanoTime() - start;
            }
        }
        List<Latency> latencies = new ArrayList<>();
        for (long[] scenario : nanos) {
            latencies.add(Latency.of(scenario));
        }
        return latencies;
    }

    private void print(
            List<Offer> loaded, double loading, List<Scenario> scenarios, List<Latency> latencies, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "offers=%d (%d open) queries=%d seed=%d loading+optimising=%.1fs%n",
                loaded.size(),
                loaded.stream()
                        .filter(offer -> offer.status() == OfferStatus.OPEN)
                        .count(),
                queries,
                seed,
                loading);
        out.println("filters: " + FILTERS);
        out.println("matching open offers per query language: "
                + SyntheticOffers.BOARD.languages().stream()
                        .map(language -> language + "="
                                + loaded.stream()
                                        .filter(IndexFilter.open(language, FILTERS)::admits)
                                        .count())
                        .collect(Collectors.joining(" ")));
        out.printf(Locale.ROOT, "%-28s %8s %8s%n", "scenario", "p50 ms", "p95 ms");
        for (int i = 0; i < scenarios.size(); i++) {
            out.printf(
                    Locale.ROOT,
                    "%-28s %8.2f %8.2f%n",
                    scenarios.get(i).name(),
                    latencies.get(i).p50(),
                    latencies.get(i).p95());
        }
        double unfiltered = latencies.get(0).p50();
        double filteredFacets = latencies.get(2).p50();
        out.printf(
                Locale.ROOT,
                "p50 ratios to unfiltered search: filtered %.2f, filtered + facets %.2f, unfiltered + facets %.2f%n",
                latencies.get(1).p50() / unfiltered,
                filteredFacets / unfiltered,
                latencies.get(4).p50() / unfiltered);
        double endToEnd = latencies.get(6).p50() / latencies.get(5).p50();
        out.printf(Locale.ROOT, "end to end (model + Qdrant), filtered + facets / unfiltered: %.2f%n", endToEnd);
        out.printf(
                Locale.ROOT,
                "bench-facets: offers=%d unfiltered-p50=%.2f filtered-facets-p50=%.2f ratio=%.2f facets-p50=%.2f"
                        + " end-to-end-ratio=%.2f%n",
                loaded.size(),
                unfiltered,
                filteredFacets,
                filteredFacets / unfiltered,
                latencies.get(3).p50(),
                endToEnd);
        out.flush();
    }
}
