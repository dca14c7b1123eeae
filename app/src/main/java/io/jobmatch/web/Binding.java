package io.jobmatch.web;

import java.util.List;

/** A request read from JSON: the value when every field is valid, otherwise every field error (never both). */
public record Binding<T>(T value, List<FieldError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** @throws ApiException naming every bad field */
    public T orThrow() {
        if (!valid()) {
            throw ApiException.invalid(errors);
        }
        return value;
    }
}
