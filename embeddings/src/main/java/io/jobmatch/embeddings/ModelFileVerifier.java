package io.jobmatch.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a manifest's files and proves they are the pinned bytes before anything loads them. */
final class ModelFileVerifier {

    /** Written by {@code fetch-model.sh --trust-on-first-use} next to a file whose manifest pins no checksum. */
    static final String PIN_SUFFIX = ".sha256";

    private ModelFileVerifier() {}

    /** Why the file cannot be used yet, or empty when it is installed with a known checksum. */
    static Optional<String> whyUnavailable(ModelFile file, Path modelDir) {
        if (file.onClasspath()) {
            return ModelFileVerifier.class.getClassLoader().getResource(file.resourceName()) == null
                    ? Optional.of("classpath resource " + file.resourceName() + " is missing")
                    : Optional.empty();
        }
        Path path = modelDir.resolve(file.location());
        if (!Files.isRegularFile(path)) {
            return Optional.of("missing " + path);
        }
        if (expectedSha256(file, modelDir).isEmpty()) {
            return Optional.of(path + " has no pinned sha256");
        }
        return Optional.empty();
    }

    /**
     * Reads and hashes the file. Classpath files stay in memory (they had to be read to be hashed, and a jar entry
     * has no path to load from); files on disk are streamed, so a large model is never held on the heap.
     */
    static VerifiedFile verify(ModelFile file, ModelManifest manifest, Path modelDir) {
        String fetchHint = "fetch it with: models/fetch-model.sh " + manifest.name();
        String expected = expectedSha256(file, modelDir)
                .orElseThrow(() -> new ModelIntegrityException("model " + manifest.name() + ": " + file.location()
                        + " has no sha256 in its manifest and no " + file.location() + PIN_SUFFIX + " pin; " + fetchHint
                        + " --trust-on-first-use, then pin the printed value"));
        try {
            if (file.onClasspath()) {
                byte[] content = readResource(file, manifest);
                checkDigest(file, manifest, expected, Sha256.of(content), "classpath resource " + file.resourceName());
                return new VerifiedFile(file, null, content);
            }
            Path path = modelDir.resolve(file.location());
            if (!Files.isRegularFile(path)) {
                throw new ModelIntegrityException("model " + manifest.name() + ": " + file.role() + " file " + path
                        + " is missing (expected sha256 " + expected + "); " + fetchHint);
            }
            checkDigest(file, manifest, expected, Sha256.of(path), path.toString());
            return new VerifiedFile(file, path, null);
        } catch (IOException e) {
            throw new ModelIntegrityException(
                    "model " + manifest.name() + ": cannot read " + file.location() + "; " + fetchHint, e);
        }
    }

    private static void checkDigest(
            ModelFile file, ModelManifest manifest, String expected, String actual, String where) {
        if (!expected.equals(actual)) {
            throw new ModelIntegrityException("model " + manifest.name() + ": " + file.role() + " file " + where
                    + " is corrupt or not the pinned file: expected sha256 " + expected + ", actual " + actual
                    + "; fetch it again with: models/fetch-model.sh " + manifest.name());
        }
    }

    private static Optional<String> expectedSha256(ModelFile file, Path modelDir) {
        if (file.sha256() != null) {
            return Optional.of(file.sha256());
        }
        if (file.onClasspath()) {
            return Optional.empty();
        }
        Path pin = modelDir.resolve(file.location() + PIN_SUFFIX);
        try {
            // sha256sum format: "<hex>  <name>"
            return Files.isRegularFile(pin)
                    ? Optional.of(Files.readString(pin).strip().split("\\s+")[0])
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] readResource(ModelFile file, ModelManifest manifest) throws IOException {
        try (InputStream in = ModelFileVerifier.class.getClassLoader().getResourceAsStream(file.resourceName())) {
            if (in == null) {
                throw new ModelIntegrityException("model " + manifest.name() + ": classpath resource "
                        + file.resourceName() + " is missing; the jar that ships it is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
