package io.jobmatch.security;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write route: it needs {@code Authorization: Bearer <API key>} (401 without a known key) and is documented
 * with the bearer scheme and its 401 and 403. Which sources the key may write is the route's own check, through
 * {@link SourceGrant#of}. Every route without this mark is public (application.yml), so a new write route must carry
 * it; ApiKeysTest fails on any non-GET route that neither carries it nor is a listed public search.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = KeyRequired.SCHEME)
@ApiResponse(
        responseCode = "401",
        description = "No API key, or an unknown one: send `Authorization: Bearer <key>`",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
        responseCode = "403",
        description = "The API key may not write this offer's source (a bulk request answers this per item)",
        content = @Content(mediaType = "application/problem+json"))
public @interface KeyRequired {

    /** The OpenAPI security scheme of API keys (declared on the document, web/ApiDocument). */
    String SCHEME = "apiKey";
}
