package io.jobmatch.index;

import io.jobmatch.web.ApiException;
import io.jobmatch.web.ApiExceptionHandler;
import io.jobmatch.web.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A search while Qdrant is down is a 503 problem, not a 500: the client may retry. */
@Produces
@Singleton
class IndexUnavailableHandler implements ExceptionHandler<IndexUnavailableException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, IndexUnavailableException exception) {
        LOG.warn("Vector index unavailable for {}", request.getPath(), exception);
        return ApiExceptionHandler.response(request,
                ApiException.unavailable("The vector index is unavailable; retry shortly"));
    }
}
