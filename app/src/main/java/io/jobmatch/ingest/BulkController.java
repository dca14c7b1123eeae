package io.jobmatch.ingest;

import io.jobmatch.security.KeyRequired;
import io.jobmatch.security.SourceGrant;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;

/** HTTP adapter for bulk ingestion: a JSON array, or NDJSON (one offer per line) for streaming exports. */
@Controller("/api/offers/bulk")
@ProblemResponses
public class BulkController {

    private final BulkImporter importer;

    public BulkController(BulkImporter importer) {
        this.importer = importer;
    }

    /**
     * Creates or updates up to 1,000 offers. Each item is validated on its own: bad items are reported with their
     * errors and never stop the good ones, which are stored in one transaction. Needs an API key; an item of a source
     * the key does not hold is FORBIDDEN in its result, and the others go through.
     *
     * @param items a JSON array of offers, or NDJSON ({@code application/x-ndjson}) with one offer per line
     * @return totals and one result per item, in order
     */
    @Post(consumes = {MediaType.APPLICATION_JSON, BulkItemsReader.NDJSON})
    @KeyRequired
    public BulkResponse bulk(@Body BulkItems items, Authentication key) {
        if (items.size() > BulkImporter.MAX_ITEMS) {
            throw ApiException.invalid(
                    "$", "at most " + BulkImporter.MAX_ITEMS + " offers per request (got " + items.size() + ")");
        }
        return importer.importAll(items.items(), SourceGrant.of(key));
    }
}
