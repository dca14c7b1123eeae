package io.jobmatch.embeddings;

import java.util.List;
import java.util.Objects;

/**
 * Everything the engine must know about a model to embed with it correctly. The JSON source of truth lives in
 * {@code models/<name>/manifest.json} and is packaged into this jar.
 *
 * @param languages ISO 639-1 codes the model is meant for; empty means any language
 * @param files     exactly one file with role {@value ModelFile#MODEL} and one with {@value ModelFile#TOKENIZER}
 */
public record ModelManifest(
        String name,
        String description,
        int dimension,
        Pooling pooling,
        String queryPrefix,
        String documentPrefix,
        int maxTokens,
        boolean multilingual,
        List<String> languages,
        String licence,
        String source,
        List<ModelFile> files) {

    public ModelManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pooling, "pooling of " + name);
        if (dimension <= 0 || maxTokens <= 0) {
            throw new IllegalArgumentException(name + ": dimension and maxTokens must be positive");
        }
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        documentPrefix = documentPrefix == null ? "" : documentPrefix;
        languages = languages == null ? List.of() : List.copyOf(languages);
        files = List.copyOf(Objects.requireNonNull(files, "files of " + name));
        for (String role : List.of(ModelFile.MODEL, ModelFile.TOKENIZER)) {
            if (files.stream().filter(f -> f.role().equals(role)).count() != 1) {
                throw new IllegalArgumentException(name + ": needs exactly one file with role '" + role + "'");
            }
        }
    }

    public ModelFile file(String role) {
        return files.stream()
                .filter(f -> f.role().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no file with role " + role));
    }

    /** The prefix the model was trained with for this kind of text. */
    public String prefix(TextKind kind) {
        return kind == TextKind.QUERY ? queryPrefix : documentPrefix;
    }
}
