package io.jobmatch.embeddings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The model chosen by {@link ModelCatalog#resolve}, with where its downloaded files live.
 *
 * @param modelDir folder holding the model's non-classpath files (it may not exist for classpath-only models)
 * @param fallback true when the preferred model was not installed and the fallback was chosen instead
 * @param reason   one human sentence explaining the choice, worth logging at startup
 */
public record ResolvedModel(ModelManifest manifest, Path modelDir, boolean fallback, String reason) {

    public ResolvedModel {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(reason, "reason");
    }
}
