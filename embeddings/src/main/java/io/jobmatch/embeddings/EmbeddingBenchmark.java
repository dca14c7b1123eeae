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
 * bare ONNX Runtime {@code session.run} calls on the very same token batches, in one process with the same thread
 * count. The corpus is {@link SyntheticCorpus#mixed}: deterministic titles, offers and 600-word CVs.
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

    public record Result(List<Throughput> throughputs, Throughput best, Latency cvLatency) {}

    private EmbeddingBenchmark() {}

    /** {@code [--texts N] [--model NAME] [--models-dir PATH] [--threads T]}; falls back to the offline model. */
    public static void main(String[] args) {
        int texts = DEFAULT_TEXTS;
        String model = "multilingual-e5-small";
        Path modelsDir = Path.of("models");
        int threads = EngineOptions.defaults().intraOpThreads();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--texts" -> texts = Integer.parseInt(require(args[i], value));
                case "--model" -> model = require(args[i], value);
                case "--models-dir" -> modelsDir = Path.of(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: [--texts N] [--model NAME] [--models-dir PATH] [--threads T]");
            }
            i++;
        }
        ResolvedModel resolved = ModelCatalog.create(modelsDir).resolve(model, "e5-small-v2-q");
        run(resolved, texts, threads, System.out);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Runs with one intra-op thread per core, like {@link EngineOptions#defaults()}. */
    public static Result run(ResolvedModel model, int texts, PrintStream out) {
        return run(model, texts, EngineOptions.defaults().intraOpThreads(), out);
    }

    /**
     * Prints the measurements to {@code out}; the last line is exactly
     * {@code embed-throughput: pipeline=<x> raw=<y> ratio=<x/y>} (texts per second at the best batch size).
     */
    public static Result run(ResolvedModel model, int texts, int intraOpThreads, PrintStream out) {
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
        for (int batchSize : BATCH_SIZES) {
            try (EmbeddingEngine engine =
                    EmbeddingEngine.open(model, new EngineOptions(batchSize, intraOpThreads, 0))) {
                if (throughputs.isEmpty()) {
                    describeCorpus(engine, corpus, out);
                    latency = measureCvLatency(engine, SyntheticCorpus.cv(texts + 1, CV_WORDS));
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
                if (!engine.batchInvariant()) {
                    out.println("  " + model.manifest().name()
                            + " is not batch-invariant (dynamically quantised): the engine sends one "
                            + "window per model call whatever the batch size, so larger batch sizes are not measured");
                    break;
                }
            }
        }
        Throughput best = throughputs.stream()
                .max((a, b) -> Double.compare(a.pipelineTextsPerSecond(), b.pipelineTextsPerSecond()))
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
        out.printf(Locale.ROOT, "best batch size: %d%n", best.batchSize());
        out.printf(
                Locale.ROOT,
                "embed-throughput: pipeline=%.2f raw=%.2f ratio=%.3f%n",
                best.pipelineTextsPerSecond(),
                best.rawTextsPerSecond(),
                best.ratio());
        return new Result(List.copyOf(throughputs), best, latency);
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
            List<List<long[]>> batches = engine.plannedBatches(TextKind.DOCUMENT, slice);
            tokens += modelTokens(batches);
            List<OnnxEncoder.OnnxBatch> prepared = prepare(engine, batches);
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
