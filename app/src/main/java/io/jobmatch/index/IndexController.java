package io.jobmatch.index;

import io.jobmatch.security.KeyRequired;
import io.jobmatch.security.SourceGrant;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** HTTP adapter for operating the index: where the indexing queue stands, and re-driving its failed tasks. */
@Controller("/api/index")
@ProblemResponses
public class IndexController {

    private final OfferIndexer indexer;

    public IndexController(OfferIndexer indexer) {
        this.indexer = indexer;
    }

    /**
     * Where the index stands against PostgreSQL: offers stored, offers whose current version is indexed, index tasks
     * pending and failed, the age of the oldest pending change, the collection searched and the embedding model.
     * Needs any valid API key.
     *
     * @return the counts, the collection and the model
     */
    @Get("/status")
    @KeyRequired
    public IndexStatus status() {
        return indexer.status();
    }

    /**
     * Makes every failed index task (one that used up {@code jobmatch.index.max-attempts}) pending again with fresh
     * attempts; the workers take them at once. Needs a key for every source ({@code *}).
     *
     * @return how many tasks were re-driven
     */
    @Post("/retry-failed")
    @KeyRequired
    @Secured(SourceGrant.ALL_SOURCES_ROLE)
    @ApiResponse(
            responseCode = "403",
            description = "The API key is bound to sources: this needs a key for every source (`*`)",
            content = @Content(mediaType = "application/problem+json"))
    public RetriedTasks retryFailed() {
        return new RetriedTasks(indexer.retryFailed());
    }
}
