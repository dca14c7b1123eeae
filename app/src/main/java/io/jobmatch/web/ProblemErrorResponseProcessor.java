package io.jobmatch.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Errors raised by Micronaut itself (unknown route, wrong method or media type, body too large, unreadable body)
 * use the same RFC 9457 shape as the API's own errors, so clients parse one format.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail = context.getErrors().stream().map(e -> e.getMessage()).collect(Collectors.joining("; "));
        if (status.getCode() >= 500) {
            detail = "Internal error; see the server log";
        }
        Problem problem = new Problem(
                "about:blank",
                status.getReason(),
                status.getCode(),
                detail.isBlank() ? status.getReason() : detail,
                context.getRequest().getPath(),
                List.of());
        return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }
}
