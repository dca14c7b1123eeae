package io.jobmatch.model;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Bounds on model work in flight (README, "Operating it"). Sized from bench-embed's figure on this two-core machine:
 * one 600-word CV takes about 80 ms with ONNX Runtime already using both cores (one intra-op thread per core), so a
 * second inference at the same time has no core of its own and one runs at a time; a queue of 32 searches is then at
 * most about 2.6 s of model time on an idle machine. (A side-by-side throughput comparison of 1 and 2 concurrent
 * inferences is still to be made on an idle machine.)
 *
 * @param concurrent  inferences running at once (each already uses {@code jobmatch.model.threads} cores)
 * @param queueSize   searches waiting for the model at most; the next one gets a 503 at once
 * @param retryAfter  what a shed search is told to wait ({@code Retry-After}, whole seconds)
 * @param indexingYield how long an indexing batch lets searches go first before it takes the next free turn
 */
@ConfigurationProperties("jobmatch.inference")
public record InferenceSettings(
        @Bindable(defaultValue = "1") int concurrent,
        @Bindable(defaultValue = "32") int queueSize,
        @Bindable(defaultValue = "1s") Duration retryAfter,
        @Bindable(defaultValue = "500ms") Duration indexingYield) {}
