package io.jobmatch.embeddings;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures how close the embedding pipeline (tokenize, chunk, batch, run, pool, aggregate) comes to the ceiling of
 * bare ONNX Runtime {@code session.run} calls on the same windows, in one process with the same thread count. The
 * ceiling is the model's best, not the engine's choice: at each batch size the raw calls take batches of that size
 * even where the engine would send one window per call (a batch-dependent model without batch jitter). The corpus
 * is {@link SyntheticCorpus#mixed}: deterministic titles, offers and 600-word CVs.
 *
 * <p>Machines are shared, so every measurement alternates pipeline and ceiling and keeps the fastest of
 * {@value #ROUNDS} rounds: the fastest run is the one least disturbed by other processes.
 */
public final class EmbeddingBenchmark {

    public static final int DEFAULT_TEXTS = 200;
    static final int CV_WORDS = 600;
    private static final int ROUNDS = 3;
    private static final int LATENCY_RUNS = 30;
    private static final int[] BATCH_SIZES = {1, 8, 16, 32};
    /** Texts timed at every batch size to find the ceiling's best before the whole set is timed at that size. */
    private static final int CEILING_PROBE_TEXTS = 96;
    /** Texts measured together; large enough that batches fill up, small enough that a load burst spoils little. */
    private static final int SLICE_TEXTS = 40;

    /** Throughput of one batch size, input texts and model tokens per second. */
    public record Throughput(
            int batchSize,
            double pipelineTextsPerSecond,
            double rawTextsPerSecond,
            double pipelineTokensPerSecond,
            double rawTokensPerSecond) {

        public double ratio() {
            return pipelineTextsPerSecond / rawTextsPerSecond;
        }
    }

    /** Milliseconds to embed one 600-word CV. */
    public record Latency(double pipelineMedian, double pipelineP95, double rawMedian, double rawP95) {}

    /**
     * @param bestPipeline the batch size where the pipeline is fastest
     * @param bestRaw      the batch size where bare ONNX Runtime is fastest: the ceiling
     */
    public record Result(List<Throughput> throughputs, Throughput bestPipeline, Throughput bestRaw, Latency cvLatency) {

        /** Pipeline at its best against the runtime at its best. */
        public double ratio() {
            return bestPipeline.pipelineTextsPerSecond() / bestRaw.rawTextsPerSecond();
        }
    }

    /** Bare ONNX Runtime on texts' document windows at the batch size where it is fastest. */
    public record Ceiling(int batchSize, double textsPerSecond, double seconds) {}

    private EmbeddingBenchmark() {}

    /**
     * {@code [--texts N] [--model NAME] [--models-dir PATH] [--threads T] [--batch-jitter]}; falls back to the
     * offline model.
     */
    public static void main(String[] args) {
        int texts = DEFAULT_TEXTS;
        String model = "multilingual-e5-small";
        Path modelsDir = Path.of("models");
        int threads = EngineOptions.defaults().intraOpThreads();
        boolean batchJitter = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--batch-jitter")) {
                batchJitter = true;
                continue;
            }
            switch (args[i]) {
                case "--texts" -> texts = Integer.parseInt(require(args[i], value));
                case "--model" -> model = require(args[i], value);
                case "--models-dir" -> modelsDir = Path.of(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: [--texts N] [--model NAME] [--models-dir PATH] [--threads T] [--batch-jitter]");
            }
            i++;
        }
        ResolvedModel resolved = ModelCatalog.create(modelsDir).resolve(model, "e5-small-v2-q");
        run(resolved, texts, threads, batchJitter, System.out);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /**
     * Prints the measurements to {@code out}; the last line is exactly
     * {@code embed-throughput: pipeline=<x> raw=<y> ratio=<x/y>}: texts per second, each at its own best batch size.
     *
     * @param batchJitter the engine's {@link EngineOptions#batchJitter()}, as the service runs it
     */
    public static Result run(ResolvedModel model, int texts, int intraOpThreads, boolean batchJitter, PrintStream out) {
        return run(model, texts, intraOpThreads, batchJitter, BATCH_SIZES, out);
    }

    /** As the public {@code run}, at these batch sizes only (tests keep to two). */
    static Result run(
            ResolvedModel model,
            int texts,
            int intraOpThreads,
            boolean batchJitter,
            int[] batchSizes,
            PrintStream out) {
        if (texts < 5) {
            throw new IllegalArgumentException("--texts must be at least 5 to hold every kind of text");
        }
        List<String> corpus = SyntheticCorpus.mixed(texts, CV_WORDS);
        out.printf(
                Locale.ROOT,
                "bench-embed: model %s%s, %d intra-op threads, %d texts (%d titles, %d offers, %d CVs of %d words)%n",
                model.manifest().name(),
                model.fallback() ? " (fallback: " + model.reason() + ")" : "",
                intraOpThreads,
                texts,
                (texts + 4) / 5 + (texts + 3) / 5,
                (texts + 2) / 5 + (texts + 1) / 5,
                texts / 5,
                CV_WORDS);
        List<Throughput> throughputs = new ArrayList<>();
        Latency latency = null;
        for (int batchSize : batchSizes) {
            try (EmbeddingEngine engine =
                    EmbeddingEngine.open(model, new EngineOptions(batchSize, intraOpThreads, 0, batchJitter))) {
                if (throughputs.isEmpty()) {
                    describeCorpus(engine, corpus, out);
                    latency = measureCvLatency(engine, SyntheticCorpus.cv(texts + 1, CV_WORDS));
                    if (engine.rowsPerCall() == 1 && batchSize == 1 && !engine.batchInvariant()) {
                        out.println("  " + model.manifest().name() + " is not batch-invariant (dynamically "
                                + "quantised) and batch jitter is off: the pipeline sends one window per model call "
                                + "whatever the batch size; raw is batched as the runtime allows");
                    }
                }
                Throughput throughput = measureThroughput(engine, corpus, batchSize);
                throughputs.add(throughput);
                out.printf(
                        Locale.ROOT,
                        "batch %2d: pipeline %7.1f texts/s %8.0f tokens/s | raw %7.1f texts/s %8.0f tokens/s | ratio %.3f%n",
                        batchSize,
                        throughput.pipelineTextsPerSecond(),
                        throughput.pipelineTokensPerSecond(),
                        throughput.rawTextsPerSecond(),
                        throughput.rawTokensPerSecond(),
                        throughput.ratio());
            }
        }
        Throughput bestPipeline = throughputs.stream()
                .max((a, b) -> Double.compare(a.pipelineTextsPerSecond(), b.pipelineTextsPerSecond()))
                .orElseThrow();
        Throughput bestRaw = throughputs.stream()
                .max((a, b) -> Double.compare(a.rawTextsPerSecond(), b.rawTextsPerSecond()))
                .orElseThrow();
        out.printf(
                Locale.ROOT,
                "one %d-word CV (%d runs): pipeline median %.1f ms, p95 %.1f ms | raw median %.1f ms, p95 %.1f ms | median ratio %.3f%n",
                CV_WORDS,
                LATENCY_RUNS,
                latency.pipelineMedian(),
                latency.pipelineP95(),
                latency.rawMedian(),
                latency.rawP95(),
                latency.pipelineMedian() / latency.rawMedian());
        out.printf(
                Locale.ROOT, "best batch size: pipeline %d, raw %d%n", bestPipeline.batchSize(), bestRaw.batchSize());
        Result result = new Result(List.copyOf(throughputs), bestPipeline, bestRaw, latency);
        out.printf(
                Locale.ROOT,
                "embed-throughput: pipeline=%.2f raw=%.2f ratio=%.3f%n",
                bestPipeline.pipelineTextsPerSecond(),
                bestRaw.rawTextsPerSecond(),
                result.ratio());
        return result;
    }

    /**
     * The ceiling of indexing {@code texts}: their document windows (the offers' forward passes, nothing else) through
     * bare {@code session.run} with the input tensors built beforehand. Every batch size is timed on the first
     * {@value #CEILING_PROBE_TEXTS} texts, then all texts at the fastest one, once.
     */
    public static Ceiling ceiling(ResolvedModel model, List<String> texts, int intraOpThreads, PrintStream out) {
        try (EmbeddingEngine engine = EmbeddingEngine.open(model, new EngineOptions(1, intraOpThreads, 0))) {
            List<String> probe = texts.subList(0, Math.min(texts.size(), CEILING_PROBE_TEXTS));
            int bestSize = BATCH_SIZES[0];
            double bestRate = 0;
            timeRaw(engine, engine.plannedBatches(TextKind.DOCUMENT, probe, BATCH_SIZES[0]));
            for (int batchSize : BATCH_SIZES) {
                double rate =
                        probe.size() / timeRaw(engine, engine.plannedBatches(TextKind.DOCUMENT, probe, batchSize));
                out.printf(Locale.ROOT, "ceiling probe: batch %2d: %.1f texts/s%n", batchSize, rate);
                if (rate > bestRate) {
                    bestRate = rate;
                    bestSize = batchSize;
                }
            }
            double seconds = timeRaw(engine, engine.plannedBatches(TextKind.DOCUMENT, texts, bestSize));
            return new Ceiling(bestSize, texts.size() / seconds, seconds);
        }
    }

    /** @return seconds of bare model calls over {@code batches}, tensors built before the clock starts */
    private static double timeRaw(EmbeddingEngine engine, List<List<long[]>> batches) {
        List<OnnxEncoder.OnnxBatch> prepared = prepare(engine, batches);
        try {
            return runRaw(engine, prepared) / 1e9;
        } finally {
            prepared.forEach(OnnxEncoder.OnnxBatch::close);
        }
    }

    private static void describeCorpus(EmbeddingEngine engine, List<String> corpus, PrintStream out) {
        List<List<long[]>> batches = engine.plannedBatches(TextKind.DOCUMENT, corpus);
        long windows = batches.stream().mapToLong(List::size).sum();
        out.printf(
                Locale.ROOT,
                "corpus: %d model tokens in %d windows (special tokens and prefixes included, no padding)%n",
                modelTokens(batches),
                windows);
    }

    /**
     * The corpus is measured in slices, each slice alternately through the pipeline and the ceiling, keeping each
     * slice's fastest round: a burst of load from another process then spoils one round of one slice, not the result.
     */
    private static Throughput measureThroughput(EmbeddingEngine engine, List<String> corpus, int batchSize) {
        double pipelineSeconds = 0;
        double rawSeconds = 0;
        long tokens = 0;
        for (int from = 0; from < corpus.size(); from += SLICE_TEXTS) {
            List<String> slice = corpus.subList(from, Math.min(corpus.size(), from + SLICE_TEXTS));
            tokens += modelTokens(engine.plannedBatches(TextKind.DOCUMENT, slice));
            List<OnnxEncoder.OnnxBatch> prepared =
                    prepare(engine, engine.plannedBatches(TextKind.DOCUMENT, slice, batchSize));
            try {
                engine.embedDocuments(slice);
                runRaw(engine, prepared);
                long bestPipeline = Long.MAX_VALUE;
                long bestRaw = Long.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    engine.embedDocuments(slice);
                    bestPipeline = Math.min(bestPipeline, System.nanoTime() - start);
                    bestRaw = Math.min(bestRaw, runRaw(engine, prepared));
                }
                pipelineSeconds += bestPipeline / 1e9;
                rawSeconds += bestRaw / 1e9;
            } finally {
                prepared.forEach(OnnxEncoder.OnnxBatch::close);
            }
        }
        return new Throughput(
                batchSize,
                corpus.size() / pipelineSeconds,
                corpus.size() / rawSeconds,
                tokens / pipelineSeconds,
                tokens / rawSeconds);
    }

    private static Latency measureCvLatency(EmbeddingEngine engine, String cv) {
        List<OnnxEncoder.OnnxBatch> prepared = prepare(engine, engine.plannedBatches(TextKind.QUERY, List.of(cv)));
        try {
            double[] pipeline = new double[LATENCY_RUNS];
            double[] raw = new double[LATENCY_RUNS];
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                engine.embedQuery(cv);
                runRaw(engine, prepared);
            }
            for (int run = 0; run < LATENCY_RUNS; run++) {
                long start = System.nanoTime();
                engine.embedQuery(cv);
                pipeline[run] = (System.nanoTime() - start) / 1e6;
                raw[run] = runRaw(engine, prepared) / 1e6;
            }
            return new Latency(
                    percentile(pipeline, 50), percentile(pipeline, 95), percentile(raw, 50), percentile(raw, 95));
        } finally {
            prepared.forEach(OnnxEncoder.OnnxBatch::close);
        }
    }

    /** Input tensors built before timing starts: the ceiling is the model call alone. */
    private static List<OnnxEncoder.OnnxBatch> prepare(EmbeddingEngine engine, List<List<long[]>> batches) {
        List<OnnxEncoder.OnnxBatch> prepared = new ArrayList<>(batches.size());
        try {
            for (List<long[]> batch : batches) {
                prepared.add(engine.encoder().prepare(batch));
            }
            return prepared;
        } catch (OrtException e) {
            prepared.forEach(OnnxEncoder.OnnxBatch::close);
            throw new IllegalStateException("cannot build input tensors", e);
        }
    }

    /** @return nanoseconds spent in {@code session.run} over all batches */
    private static long runRaw(EmbeddingEngine engine, List<OnnxEncoder.OnnxBatch> prepared) {
        long start = System.nanoTime();
        for (OnnxEncoder.OnnxBatch batch : prepared) {
            try (OrtSession.Result ignored = engine.encoder().run(batch)) {
                // Only the call is measured; reading the output is part of the pipeline's cost, not the ceiling's.
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed", e);
            }
        }
        return System.nanoTime() - start;
    }

    private static long modelTokens(List<List<long[]>> batches) {
        return batches.stream()
                .flatMap(List::stream)
                .mapToLong(ids -> ids.length)
                .sum();
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
