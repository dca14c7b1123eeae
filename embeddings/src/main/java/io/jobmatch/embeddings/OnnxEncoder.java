package io.jobmatch.embeddings;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shared ONNX Runtime session turning batches of token windows into pooled, L2-normalised vectors.
 * {@link OrtSession#run} is thread-safe, so one encoder serves every caller.
 */
final class OnnxEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String PREFERRED_OUTPUT = "last_hidden_state";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String outputName;
    private final boolean takesTokenTypes;
    private final Pooling pooling;
    private final int dimension;
    private final NativeCallGuard guard = new NativeCallGuard("ONNX Runtime session");

    private OnnxEncoder(OrtEnvironment environment, OrtSession session, ModelManifest manifest) throws OrtException {
        this.environment = environment;
        this.session = session;
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new ModelIntegrityException(
                    manifest.name() + ": the ONNX model takes " + inputs + ", expected input_ids and attention_mask");
        }
        takesTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        Set<String> outputs = session.getOutputNames();
        outputName = outputs.contains(PREFERRED_OUTPUT)
                ? PREFERRED_OUTPUT
                : outputs.iterator().next();
        pooling = manifest.pooling();
        dimension = manifest.dimension();
    }

    static OnnxEncoder open(VerifiedFile model, ModelManifest manifest, EngineOptions options) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = model.content() != null
                    ? environment.createSession(model.content(), sessionOptions)
                    : environment.createSession(model.path().toString(), sessionOptions);
            OnnxEncoder encoder = new OnnxEncoder(environment, session, manifest);
            encoder.checkDimension(manifest);
            return encoder;
        } catch (OrtException e) {
            throw new ModelIntegrityException(
                    manifest.name() + ": ONNX Runtime cannot load "
                            + model.file().location() + " (" + e.getMessage()
                            + "); fetch it again with: models/fetch-model.sh " + manifest.name(),
                    e);
        }
    }

    /** A wrong manifest would otherwise only show up as vectors the index rejects, long after startup. */
    private void checkDimension(ModelManifest manifest) throws OrtException {
        try (OnnxBatch probe = prepare(List.of(new long[] {0, 0}));
                OrtSession.Result result = runUnguarded(probe)) {
            long[] shape = ((OnnxTensor) result.get(0)).getInfo().getShape();
            if (shape.length != 3 || shape[2] != dimension) {
                throw new ModelIntegrityException(manifest.name() + ": the model outputs shape "
                        + Arrays.toString(shape) + ", the manifest says dimension " + dimension);
            }
        }
    }

    /**
     * @return one L2-normalised vector per window, in order
     * @throws EngineClosedException once {@link #close} has begun
     */
    float[][] encode(List<long[]> windows) {
        List<List<TokenRange>> whole = new ArrayList<>(windows.size());
        for (long[] window : windows) {
            whole.add(List.of(pooledRange(window.length)));
        }
        float[][][] pooled = encode(windows, whole);
        float[][] vectors = new float[windows.size()][];
        for (int row = 0; row < vectors.length; row++) {
            vectors[row] = pooled[row][0];
        }
        return vectors;
    }

    /** The tokens of a window of {@code length} tokens that the model's own pooling reads. */
    TokenRange pooledRange(int length) {
        return new TokenRange(0, pooling == Pooling.CLS ? 1 : length);
    }

    /**
     * One model call, then the token states of each row averaged over each of that row's ranges (positions in the
     * window, special tokens included) and L2-normalised: the row's own vector and, for late chunking, the vectors of
     * the spans it holds, without keeping the whole hidden-state tensor once the call is pooled.
     *
     * @param ranges per window, the token ranges to pool; each non-empty and inside its window
     * @return per window, one vector per range, in order
     * @throws EngineClosedException once {@link #close} has begun
     */
    float[][][] encode(List<long[]> windows, List<List<TokenRange>> ranges) {
        try {
            return guard.call(() -> {
                try (OnnxBatch batch = prepare(windows);
                        OrtSession.Result result = runUnguarded(batch)) {
                    return pool(((OnnxTensor) result.get(0)).getFloatBuffer(), ranges, batch.width());
                }
            });
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + windows.size() + " windows", e);
        }
    }

    /** Pads the windows to the longest one (dynamic padding: callers group windows of similar length). */
    OnnxBatch prepare(List<long[]> windows) throws OrtException {
        int rows = windows.size();
        int width = 0;
        for (long[] window : windows) {
            width = Math.max(width, window.length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int row = 0; row < rows; row++) {
            long[] window = windows.get(row);
            System.arraycopy(window, 0, ids, row * width, window.length);
            Arrays.fill(mask, row * width, row * width + window.length, 1L);
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>(4);
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTokenTypes) {
                inputs.put(
                        TOKEN_TYPE_IDS,
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape));
            }
        } catch (OrtException | RuntimeException e) {
            inputs.values().forEach(OnnxTensor::close);
            throw e;
        }
        return new OnnxBatch(inputs, width);
    }

    /** The bare model call, shared with the benchmark's ceiling measurement. */
    OrtSession.Result run(OnnxBatch batch) throws OrtException {
        return guard.call(() -> runUnguarded(batch));
    }

    private OrtSession.Result runUnguarded(OnnxBatch batch) throws OrtException {
        return session.run(batch.inputs(), Set.of(outputName));
    }

    private float[][][] pool(FloatBuffer hidden, List<List<TokenRange>> ranges, int width) {
        float[][][] vectors = new float[ranges.size()][][];
        for (int row = 0; row < ranges.size(); row++) {
            List<TokenRange> rowRanges = ranges.get(row);
            vectors[row] = new float[rowRanges.size()][];
            int rowStart = row * width * dimension;
            for (int r = 0; r < rowRanges.size(); r++) {
                TokenRange range = rowRanges.get(r);
                float[] vector = new float[dimension];
                for (int token = range.from(); token < range.to(); token++) {
                    int offset = rowStart + token * dimension;
                    for (int i = 0; i < dimension; i++) {
                        vector[i] += hidden.get(offset + i);
                    }
                }
                // Mean pooling divides by the token count; normalising makes that division irrelevant.
                Vectors.normalise(vector);
                vectors[row][r] = vector;
            }
        }
        return vectors;
    }

    /** Waits up to {@code wait} for running calls before freeing the session; new calls are refused at once. */
    void close(Duration wait) {
        guard.close(wait, () -> {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close the ONNX Runtime session", e);
            }
        });
    }

    @Override
    public void close() {
        close(EmbeddingEngine.CLOSE_WAIT);
    }

    /** Input tensors of one padded batch; closing releases their native memory. */
    record OnnxBatch(Map<String, OnnxTensor> inputs, int width) implements AutoCloseable {
        @Override
        public void close() {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
