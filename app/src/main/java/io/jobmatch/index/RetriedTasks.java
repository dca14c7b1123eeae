package io.jobmatch.index;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer of {@code POST /api/index/retry-failed}.
 *
 * @param retried failed tasks made pending again, with fresh attempts
 */
@Serdeable
public record RetriedTasks(int retried) {}
