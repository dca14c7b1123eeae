package io.jobmatch.web;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid field of a request, named by its JSON path (for example {@code salary.currency}). */
@Serdeable
public record FieldError(String field, String message) {
}
