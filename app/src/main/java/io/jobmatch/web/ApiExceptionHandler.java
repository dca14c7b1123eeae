package io.jobmatch.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns every {@link ApiException} into its problem+json response. */
@Produces
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
        return HttpResponse.<Problem>status(exception.status())
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(exception.toProblem(request.getPath()));
    }
}
