package io.jobmatch.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns every {@link ApiException} into its problem+json response. */
@Produces
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    /** Seconds a client is asked to wait before retrying a 503: a Qdrant reconnect or a restart takes about this. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
        return response(request, exception);
    }

    /** The problem response for {@code exception}; a 503 also says when to retry. */
    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, ApiException exception) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(exception.status())
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(exception.toProblem(request.getPath()));
        if (exception.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response;
    }
}
