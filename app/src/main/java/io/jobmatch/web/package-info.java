/**
 * HTTP edge shared by every feature: RFC 9457 problem responses, strict JSON field reading and the OpenAPI
 * document ({@link io.jobmatch.web.ApiDocument}).
 * Entry point: {@link io.jobmatch.web.ApiException}, thrown anywhere a request is refused.
 */
package io.jobmatch.web;
