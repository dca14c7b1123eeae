/**
 * Plain-Java embedding engine of jobmatch (no framework): {@link io.jobmatch.embeddings.ModelCatalog} chooses a
 * model from the packaged manifests, {@link io.jobmatch.embeddings.EmbeddingEngine} verifies and loads it and turns
 * texts of any accepted length into normalised vectors, {@link io.jobmatch.embeddings.LanguageDetector} tells which
 * configured language a text is in. See {@code embeddings/README.md} for the decisions and their measurements.
 */
package io.jobmatch.embeddings;
