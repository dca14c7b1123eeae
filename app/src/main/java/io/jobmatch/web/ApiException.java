package io.jobmatch.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** A request the API refuses with a 4xx (or 503) problem response; thrown from any layer that validates input. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "Field '" + errors.get(0).field() + "': " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(
                HttpStatus.BAD_REQUEST, "urn:jobmatch:problem:invalid-request", "Invalid request", detail, errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException malformedJson(String detail) {
        return new ApiException(
                HttpStatus.BAD_REQUEST, "urn:jobmatch:problem:malformed-json", "Malformed JSON", detail, List.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "urn:jobmatch:problem:not-found", "Not found", detail, List.of());
    }

    /** An API key that may not write what the request writes (a missing or unknown key is a 401, web/ProblemHandlers). */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "urn:jobmatch:problem:forbidden", "Forbidden", detail, List.of());
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "urn:jobmatch:problem:unavailable",
                "Service unavailable",
                detail,
                List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status.getCode(), getMessage(), instance, errors);
    }
}
