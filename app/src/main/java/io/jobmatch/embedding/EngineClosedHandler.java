package io.jobmatch.embedding;

import io.jobmatch.embeddings.EngineClosedException;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.ApiExceptionHandler;
import io.jobmatch.web.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A search that reaches the model while the service shuts down gets a 503 the client can retry, not a 500. */
@Produces
@Singleton
class EngineClosedHandler implements ExceptionHandler<EngineClosedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EngineClosedException exception) {
        return ApiExceptionHandler.response(request,
                ApiException.unavailable("The service is shutting down; retry shortly"));
    }
}
