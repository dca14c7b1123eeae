package io.jobmatch.index;

import io.jobmatch.security.KeyRequired;
import io.jobmatch.security.SourceGrant;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

/** HTTP adapter for rebuilding the offers' collection without downtime. */
@Controller("/api/index")
@ProblemResponses
@Requires(notEnv = Environment.CLI)
public class ReindexController {

    private final Reindexer reindexer;

    public ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /**
     * Rebuilds the offers' collection from PostgreSQL into a new generation, in the background; searches keep being
     * answered by the current one until the new one is complete, then the alias moves to it in one step and the old
     * one is deleted. Offers written meanwhile reach both. One rebuild at a time: 409 while one runs. Needs a key for
     * every source ({@code *}).
     *
     * @param key the API key
     * @return 202 with the generation being built and the one it replaces
     */
    @Post("/reindex")
    @KeyRequired
    @ApiResponse(responseCode = "202", description = "started: the new generation and the one it replaces")
    @ApiResponse(
            responseCode = "409",
            description = "a rebuild is already running",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<ReindexStarted> reindex(Authentication key) {
        if (!SourceGrant.of(key).allSources()) {
            throw ApiException.forbidden("Rebuilding the index needs an API key for every source (*)");
        }
        try {
            return HttpResponse.accepted().body(ReindexStarted.of(reindexer.start("requested")));
        } catch (ReindexRunningException e) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "urn:jobmatch:problem:reindex-running",
                    "Reindex already running",
                    e.getMessage(),
                    List.of());
        }
    }
}
