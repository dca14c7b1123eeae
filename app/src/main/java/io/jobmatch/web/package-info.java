/**
 * HTTP edge shared by every feature: RFC 9457 problem responses and strict JSON field reading.
 * Entry point: {@link io.jobmatch.web.ApiException}, thrown anywhere a request is refused.
 */
package io.jobmatch.web;
