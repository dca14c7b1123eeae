package io.jobmatch.search;

import io.jobmatch.web.NotFoundResponse;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import jakarta.validation.Valid;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP adapter for CV search and offer-to-offer similarity. */
@Controller("/api")
@ProblemResponses
public class SearchController {

    /** Where the search's time went (W3C Server Timing): embed, qdrant, db, explain and total, in ms. */
    static final String SERVER_TIMING = "Server-Timing";

    private static final Logger LOG = LoggerFactory.getLogger(SearchController.class);

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    /**
     * Jobs like my CV: open offers in one language, best first. Without {@code language}, the CV's detected
     * language is the filter (400 on {@code language} when the detector is unsure).
     *
     * @param request the CV and the filters
     * @return ranked results and how the CV was read
     */
    @Post(uri = "/search", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<SearchResponse> search(@Body @Valid SearchRequest request) {
        SearchTimings timings = new SearchTimings();
        SearchResponse response = search.search(request.toQuery(), timings);
        String serverTiming = timings.serverTiming();
        // Counts and timings only: never the CV, nor anything computed from it.
        LOG.debug("search answered {} results; {}", response.results().size(), serverTiming);
        return HttpResponse.ok(response).header(SERVER_TIMING, serverTiming);
    }

    /**
     * Offers closest to a stored one, never itself: similar past roles for recruiters when closed ones are included.
     *
     * @param id    the offer to compare with
     * @param query language filter, closed offers, paging
     * @return ranked results (404 when the offer is unknown)
     */
    @Get("/offers/{id}/similar")
    @NotFoundResponse
    public SearchResponse similar(@PathVariable UUID id, @Valid @RequestBean SimilarRequest query) {
        return search.similar(id, query.toQuery());
    }
}
