package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIntegrityTest {

    @TempDir
    Path modelDir;

    @Test
    void aCorruptModelFileIsRefusedWithFileChecksumsAndFetchCommand() throws IOException {
        ModelManifest offline = TestModels.offline().manifest();
        String expected = offline.file(ModelFile.MODEL).sha256();
        byte[] bytes = classpathBytes(offline.file(ModelFile.MODEL).resourceName());
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(modelDir.resolve("model.onnx"), bytes);
        ResolvedModel onDisk = new ResolvedModel(withModelAt(offline, "model.onnx", expected), modelDir, false, "test");

        ModelIntegrityException error = assertThrows(
                ModelIntegrityException.class, () -> EmbeddingEngine.open(onDisk, EngineOptions.defaults()));

        String message = error.getMessage();
        assertTrue(message.contains(modelDir.resolve("model.onnx").toString()), message);
        assertTrue(message.contains("expected sha256 " + expected), message);
        assertTrue(message.contains("actual " + Sha256.of(bytes)), message);
        assertTrue(message.contains("models/fetch-model.sh e5-small-v2-q"), message);
    }

    @Test
    void aMissingModelFileIsRefusedWithTheFetchCommand() {
        ModelManifest offline = TestModels.offline().manifest();
        String expected = offline.file(ModelFile.MODEL).sha256();
        ResolvedModel missing =
                new ResolvedModel(withModelAt(offline, "model.onnx", expected), modelDir, false, "test");

        ModelIntegrityException error = assertThrows(
                ModelIntegrityException.class, () -> EmbeddingEngine.open(missing, EngineOptions.defaults()));

        assertTrue(error.getMessage().contains("model.onnx"), error.getMessage());
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().contains("models/fetch-model.sh e5-small-v2-q"), error.getMessage());
    }

    @Test
    void anUnpinnedDownloadIsRefusedUntilTrustedOnFirstUse() throws IOException {
        ModelManifest offline = TestModels.offline().manifest();
        byte[] bytes = classpathBytes(offline.file(ModelFile.MODEL).resourceName());
        Files.write(modelDir.resolve("model.onnx"), bytes);
        ResolvedModel unpinned = new ResolvedModel(withModelAt(offline, "model.onnx", null), modelDir, false, "test");

        ModelIntegrityException error = assertThrows(
                ModelIntegrityException.class, () -> EmbeddingEngine.open(unpinned, EngineOptions.defaults()));
        assertTrue(error.getMessage().contains("--trust-on-first-use"), error.getMessage());

        // What fetch-model.sh --trust-on-first-use writes next to the file.
        Files.writeString(modelDir.resolve("model.onnx.sha256"), Sha256.of(bytes) + "  model.onnx\n");
        try (EmbeddingEngine engine = EmbeddingEngine.open(unpinned, new EngineOptions(4, 1, 0))) {
            assertTrue(engine.embedDocument("pinned now").vector().length == 384);
        }
    }

    private static ModelManifest withModelAt(ModelManifest m, String location, String sha256) {
        List<ModelFile> files = List.of(
                new ModelFile(ModelFile.MODEL, location, sha256, "https://example.invalid/model.onnx"),
                m.file(ModelFile.TOKENIZER));
        return new ModelManifest(
                m.name(),
                m.description(),
                m.dimension(),
                m.pooling(),
                m.queryPrefix(),
                m.documentPrefix(),
                m.maxTokens(),
                m.multilingual(),
                m.languages(),
                m.licence(),
                m.source(),
                files);
    }

    private static byte[] classpathBytes(String resource) throws IOException {
        try (InputStream in = ModelIntegrityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
