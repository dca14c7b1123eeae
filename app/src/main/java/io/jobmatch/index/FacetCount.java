package io.jobmatch.index;

import io.micronaut.serde.annotation.Serdeable;

/** How many offers have one value of a faceted field. */
@Serdeable
public record FacetCount<T>(T value, long count) {}
