/**
 * Wires the plain-Java embedding engine (module {@code embeddings}) into the service: configuration, the shared
 * engine bean, its health, its admission queue ({@link io.jobmatch.model.InferenceQueue}: bounded model work, searches
 * shed with a 503 when it is full, indexing never) and its metrics. Entry point: the
 * {@link io.jobmatch.embeddings.EmbeddingEngine} bean made here.
 */
package io.jobmatch.model;
