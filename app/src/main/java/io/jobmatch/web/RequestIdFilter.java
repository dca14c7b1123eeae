package io.jobmatch.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token (a proxy's or a client's id,
 * so one id follows the request across services), otherwise a new UUID. The id is in the logging MDC as
 * {@code requestId} on whichever thread serves the request, and is echoed in the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestIdFilter implements Ordered {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "jobmatch.requestId";

    /** Printable token characters only, bounded: an id goes into every log line, so it must not forge or flood one. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class)
                .ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    /** First, so that whatever later filters and handlers log carries the id. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
