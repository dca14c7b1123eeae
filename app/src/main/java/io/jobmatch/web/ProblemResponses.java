package io.jobmatch.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error responses every API operation can give, documented once: the OpenAPI generator reads these
 * {@link ApiResponse}s through the annotation on each operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(
        responseCode = "400",
        description = "Invalid request: `errors` names every bad field by its JSON path",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "503",
        description = "Qdrant or PostgreSQL is unavailable, Qdrant answers past its deadline, or the service is "
                + "shutting down; retry after the `Retry-After` seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface ProblemResponses {}
