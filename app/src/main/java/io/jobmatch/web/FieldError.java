package io.jobmatch.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid field of a request.
 *
 * @param field   its JSON path ({@code salary.currency}; {@code $} for the whole body) or query parameter
 * @param message what is wrong with it
 */
@Serdeable
public record FieldError(String field, String message) {}
