/**
 * Wires the plain-Java embedding engine (module {@code embeddings}) into the service: configuration, the shared
 * engine bean, its health. Entry point: the {@link io.jobmatch.embeddings.EmbeddingEngine} bean made here.
 */
package io.jobmatch.model;
