package io.jobmatch.web;

import io.jobmatch.cv.CvFileException;
import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.index.IndexUnavailableException;
import io.jobmatch.model.InferenceOverloadedException;
import io.jobmatch.model.LanguageNotDetectedException;
import io.jobmatch.offers.InvalidCursorException;
import io.jobmatch.offers.OfferNotFoundException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the domain's own exceptions, and Micronaut's binding and validation errors, become RFC 9457 problems: the
 * one place that knows which HTTP status each failure is. Domain packages never see HTTP.
 */
@Factory
class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    @Singleton
    ExceptionHandler<OfferNotFoundException, HttpResponse<Problem>> offerNotFound() {
        return (request, e) -> ApiExceptionHandler.response(request, ApiException.notFound(e.getMessage()));
    }

    @Singleton
    ExceptionHandler<LanguageNotDetectedException, HttpResponse<Problem>> languageNotDetected() {
        return (request, e) -> ApiExceptionHandler.response(request, ApiException.invalid("language", e.getMessage()));
    }

    @Singleton
    ExceptionHandler<InvalidCursorException, HttpResponse<Problem>> invalidCursor() {
        return (request, e) -> ApiExceptionHandler.response(request, ApiException.invalid("cursor", e.getMessage()));
    }

    /**
     * A CV file refused: each reason has its own problem type, so a page can say what to do about it. Nothing of the
     * file is logged; the message never quotes it.
     */
    @Singleton
    ExceptionHandler<CvFileException, HttpResponse<Problem>> cvFileRefused() {
        return (request, e) -> ApiExceptionHandler.response(request, cvFileProblem(e));
    }

    private static ApiException cvFileProblem(CvFileException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> cvFile(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "file-too-large", "File too large", e);
            case UNSUPPORTED_TYPE ->
                cvFile(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type", "File type not accepted", e);
            case EMPTY -> cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "empty-file", "Empty file", e);
            case UNREADABLE -> cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-file", "Unreadable file", e);
            case ENCRYPTED -> cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "encrypted-file", "Encrypted file", e);
            case HOSTILE -> cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "hostile-file", "File refused", e);
            case NO_TEXT -> cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "no-text", "No text found (no OCR)", e);
            case TOO_SLOW ->
                cvFile(HttpStatus.UNPROCESSABLE_ENTITY, "extraction-timeout", "File took too long to read", e);
            case BUSY -> ApiException.unavailable(e.getMessage());
        };
    }

    private static ApiException cvFile(HttpStatus status, String type, String title, CvFileException e) {
        return new ApiException(status, "urn:jobmatch:problem:" + type, title, e.getMessage(), List.of());
    }

    /** A search while Qdrant is down is a 503 the client may retry, not a 500. */
    @Singleton
    ExceptionHandler<IndexUnavailableException, HttpResponse<Problem>> indexUnavailable() {
        return (request, e) -> {
            LOG.warn("Vector index unavailable for {}", request.getPath(), e);
            return ApiExceptionHandler.response(
                    request, ApiException.unavailable("The vector index is unavailable; retry shortly"));
        };
    }

    /** A query or statement that failed: a 503 when PostgreSQL is out of reach (DatabaseFailures). */
    @Singleton
    ExceptionHandler<DataAccessException, HttpResponse<Problem>> databaseAccess() {
        return DatabaseFailures::response;
    }

    /** No connection for a transaction or a query: PostgreSQL is out of reach, or the pool waited too long. */
    @Singleton
    ExceptionHandler<TransactionException, HttpResponse<Problem>> databaseTransaction() {
        return DatabaseFailures::response;
    }

    @Singleton
    ExceptionHandler<ConnectionException, HttpResponse<Problem>> databaseConnection() {
        return DatabaseFailures::response;
    }

    /** The pool gave no connection within its timeout: what a query outside a transaction gets while PG is down. */
    @Singleton
    ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> noJdbcConnection() {
        return DatabaseFailures::response;
    }

    /** A search that reaches the model while the service shuts down. */
    @Singleton
    ExceptionHandler<EngineClosedException, HttpResponse<Problem>> engineClosed() {
        return (request, e) -> ApiExceptionHandler.response(
                request, ApiException.unavailable("The service is shutting down; retry shortly"));
    }

    /**
     * A write without a known API key (401, with the RFC 6750 challenge) or, from micronaut-security's rules, with a
     * key that lacks a role the route needs (403). A key that lacks the offer's source is the route's own 403.
     */
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    ExceptionHandler<AuthorizationException, HttpResponse<Problem>> unauthorized() {
        return (request, e) -> {
            if (e.isForbidden()) {
                return ApiExceptionHandler.response(
                        request, ApiException.forbidden("This API key may not call this endpoint"));
            }
            return ApiExceptionHandler.response(
                            request,
                            new ApiException(
                                    HttpStatus.UNAUTHORIZED,
                                    "urn:jobmatch:problem:unauthorized",
                                    "Unauthorized",
                                    "A write needs a known API key: send 'Authorization: Bearer <key>'",
                                    List.of()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        };
    }

    /** A search that found the model's queue full: refused at once, with the wait the queue configures. */
    @Singleton
    ExceptionHandler<InferenceOverloadedException, HttpResponse<Problem>> inferenceOverloaded() {
        return (request, e) -> {
            MutableHttpResponse<Problem> response =
                    ApiExceptionHandler.response(request, ApiException.unavailable(e.getMessage()));
            response.getHeaders()
                    .set(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            return response;
        };
    }

    /** A query-string record or path variable that broke a constraint: named by its query parameter. */
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> constraintViolations() {
        return (request, e) -> ApiExceptionHandler.response(
                request,
                ApiException.invalid(e.getConstraintViolations().stream()
                        .map(violation -> new FieldError(
                                RequestBinder.parameterPath(violation.getPropertyPath()), violation.getMessage()))
                        .sorted(Comparator.comparing(FieldError::field))
                        .toList()));
    }

    /** A query parameter or path variable of the wrong type ({@code limit=ten}, a malformed id). */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> conversionErrors() {
        return (request, e) -> {
            Argument<?> argument = e.getArgument();
            String given = e.getConversionError()
                    .getOriginalValue()
                    .map(value -> " (got '" + value + "')")
                    .orElse("");
            return ApiExceptionHandler.response(
                    request,
                    ApiException.invalid(
                            List.of(new FieldError(argument.getName(), expected(argument.getType()) + given))));
        };
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "must be a UUID such as 3f1c2a9e-6d1b-4c55-9a53-2b1f0e8c7d41";
        }
        if (type == Integer.class || type == int.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be a " + type.getSimpleName();
    }
}
