package io.jobmatch.web;

import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.index.IndexUnavailableException;
import io.jobmatch.model.InferenceOverloadedException;
import io.jobmatch.model.LanguageNotDetectedException;
import io.jobmatch.offers.OfferNotFoundException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
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

    /** A search while Qdrant is down is a 503 the client may retry, not a 500. */
    @Singleton
    ExceptionHandler<IndexUnavailableException, HttpResponse<Problem>> indexUnavailable() {
        return (request, e) -> {
            LOG.warn("Vector index unavailable for {}", request.getPath(), e);
            return ApiExceptionHandler.response(
                    request, ApiException.unavailable("The vector index is unavailable; retry shortly"));
        };
    }

    /** A search that reaches the model while the service shuts down. */
    @Singleton
    ExceptionHandler<EngineClosedException, HttpResponse<Problem>> engineClosed() {
        return (request, e) -> ApiExceptionHandler.response(
                request, ApiException.unavailable("The service is shutting down; retry shortly"));
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
