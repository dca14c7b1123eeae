package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    @TempDir
    Path modelsDir;

    @Test
    void packagesTheManifestsOfTheModelsFolder() {
        ModelCatalog catalog = ModelCatalog.create(modelsDir);

        assertTrue(catalog.names().containsAll(java.util.Set.of("e5-small-v2-q", "multilingual-e5-small")));
        ModelManifest multilingual = catalog.manifest("multilingual-e5-small");
        assertEquals(384, multilingual.dimension());
        assertEquals(Pooling.MEAN, multilingual.pooling());
        assertEquals("query: ", multilingual.queryPrefix());
        assertEquals("passage: ", multilingual.documentPrefix());
        assertEquals(512, multilingual.maxTokens());
        assertTrue(multilingual.multilingual());
        assertTrue(multilingual
                .file(ModelFile.MODEL)
                .url()
                .startsWith("https://huggingface.co/intfloat/multilingual-e5-small/resolve/"));
        assertFalse(catalog.manifest("e5-small-v2-q").multilingual());
        assertTrue(catalog.manifest("e5-small-v2-q").file(ModelFile.MODEL).onClasspath());
    }

    @Test
    void unknownModelNamesTheKnownOnes() {
        ModelCatalog catalog = ModelCatalog.create(modelsDir);

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> catalog.manifest("gpt-embed"));

        assertTrue(error.getMessage().contains("gpt-embed"), error.getMessage());
        assertTrue(error.getMessage().contains("e5-small-v2-q"), error.getMessage());
        assertTrue(error.getMessage().contains("multilingual-e5-small"), error.getMessage());
    }

    @Test
    void fallsBackWhenThePreferredModelIsNotDownloaded() {
        ModelCatalog catalog = ModelCatalog.create(modelsDir.resolve("not-created-yet"));

        ResolvedModel resolved = catalog.resolve("multilingual-e5-small", "e5-small-v2-q");

        assertTrue(resolved.fallback());
        assertEquals("e5-small-v2-q", resolved.manifest().name());
        assertTrue(resolved.reason().contains("models/fetch-model.sh multilingual-e5-small"), resolved.reason());
        assertTrue(resolved.reason().contains("model.onnx"), resolved.reason());
    }

    @Test
    void fallsBackWhenOnlySomeFilesAreDownloaded() throws IOException {
        Path dir = Files.createDirectories(modelsDir.resolve("multilingual-e5-small"));
        Files.writeString(dir.resolve("tokenizer.json"), "{}");

        ResolvedModel resolved = ModelCatalog.create(modelsDir).resolve("multilingual-e5-small", "e5-small-v2-q");

        assertTrue(resolved.fallback());
        assertTrue(resolved.reason().contains("model.onnx"), resolved.reason());
    }

    @Test
    void prefersTheModelWhoseFilesAreAllPresent() throws IOException {
        // Presence is all resolve() checks; the bytes are verified when the engine opens, so placeholders suffice here.
        Path dir = Files.createDirectories(modelsDir.resolve("multilingual-e5-small"));
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.onnx"), "onnx");
        Files.writeString(dir.resolve("model.onnx.sha256"), Sha256.of("onnx") + "  model.onnx\n");

        ResolvedModel resolved = ModelCatalog.create(modelsDir).resolve("multilingual-e5-small", "e5-small-v2-q");

        assertFalse(resolved.fallback());
        assertEquals("multilingual-e5-small", resolved.manifest().name());
        assertEquals(dir, resolved.modelDir());
    }

    @Test
    void aDownloadWithoutPinnedChecksumIsNotInstalled() throws IOException {
        Path dir = Files.createDirectories(modelsDir.resolve("multilingual-e5-small"));
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("model.onnx"), "onnx");

        ResolvedModel resolved = ModelCatalog.create(modelsDir).resolve("multilingual-e5-small", "e5-small-v2-q");

        assertTrue(resolved.fallback());
        assertTrue(resolved.reason().contains("no pinned sha256"), resolved.reason());
    }

    @Test
    void failsWhenNeitherModelIsInstalled() {
        ModelCatalog catalog = ModelCatalog.create(modelsDir);

        ModelIntegrityException error =
                assertThrows(ModelIntegrityException.class, () -> catalog.resolve("multilingual-e5-small", null));

        assertTrue(error.getMessage().contains("models/fetch-model.sh multilingual-e5-small"), error.getMessage());
    }
}
