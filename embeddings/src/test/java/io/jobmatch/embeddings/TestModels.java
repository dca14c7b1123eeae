package io.jobmatch.embeddings;

import java.nio.file.Path;

/** Real models every test embeds with, all from jars on the test classpath: nothing downloaded. */
final class TestModels {

    /** The offline model the service falls back to: int8, dynamically quantised. */
    static final String OFFLINE = "e5-small-v2-q";
    /** Test-only float32 model (manifest in src/test/resources): batch-invariant, 256-token window. */
    static final String FLOAT32 = "all-minilm-l6-v2";

    private TestModels() {}

    static ResolvedModel offline() {
        return resolve(OFFLINE);
    }

    static ResolvedModel float32() {
        return resolve(FLOAT32);
    }

    /** Few threads: other builds share this machine, and the results do not depend on it. */
    static EmbeddingEngine openOffline(int cacheSize) {
        return EmbeddingEngine.open(offline(), new EngineOptions(8, 2, cacheSize));
    }

    private static ResolvedModel resolve(String name) {
        return ModelCatalog.create(Path.of("target", "no-models")).resolve(name, null);
    }
}
