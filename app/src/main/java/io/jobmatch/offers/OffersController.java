package io.jobmatch.offers;

import io.jobmatch.security.KeyRequired;
import io.jobmatch.security.SourceGrant;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.NotFoundResponse;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/** HTTP adapter for single offers and the per-language country list. */
@Controller("/api")
@ProblemResponses
public class OffersController {

    private final OfferService offers;

    public OffersController(OfferService offers) {
        this.offers = offers;
    }

    /**
     * Creates or updates one offer, by {@code source} + {@code externalId}. A missing language is detected from the
     * title and description, and refused (400 on {@code language}) when the detector is unsure. Needs an API key
     * that holds the offer's source; the source is part of the upsert key, so an update never moves an offer out of
     * the source it is stored in.
     *
     * @param offer the offer
     * @return the stored offer: 201 when created, 200 when updated or unchanged
     */
    @Post(uri = "/offers", consumes = MediaType.APPLICATION_JSON)
    @KeyRequired
    @ApiResponse(responseCode = "201", description = "created: the stored offer with its new id")
    @ApiResponse(responseCode = "200", description = "updated, or unchanged: the stored offer")
    public HttpResponse<Offer> upsert(@Body @Valid OfferRequest offer, Authentication key) {
        OfferDraft draft = offer.toDraft();
        requireSource(key, draft.source());
        SavedOffer saved = offers.upsert(draft);
        return HttpResponse.<Offer>status(
                        saved.change() == SavedOffer.Change.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.offer());
    }

    /**
     * Finds offers by words in their title, company or description, closed ones included, with language, status and
     * source filters: the recruiters' listing. Offers whose title holds more of the words come first, then the
     * newest; without words, newest first. Pages are cut by an opaque cursor, so adding offers never shifts them.
     *
     * @param query words, filters, page size and cursor
     * @return one page of offers and the cursor of the next page (absent on the last)
     */
    @Get("/offers")
    public OfferPage list(@Valid @RequestBean OfferListRequest query) {
        return offers.list(query.toListing());
    }

    /**
     * One stored offer.
     *
     * @param id the offer's id
     * @return the offer (404 when unknown)
     */
    @Get("/offers/{id}")
    @NotFoundResponse
    public Offer get(@PathVariable UUID id) {
        return offers.get(id);
    }

    /**
     * Deletes an offer from PostgreSQL and the vector index. Needs an API key that holds the offer's source.
     *
     * @param id the offer's id
     * @return 204 (404 when unknown)
     */
    @Delete("/offers/{id}")
    @KeyRequired
    @NotFoundResponse
    @ApiResponse(responseCode = "204", description = "deleted")
    public HttpResponse<Void> delete(@PathVariable UUID id, Authentication key) {
        requireSource(key, offers.get(id).source());
        offers.delete(id);
        return HttpResponse.noContent();
    }

    /**
     * The countries that have open offers in a language, most offers first: the board's per-language country list.
     *
     * @param query the language
     * @return one entry per country with its count
     */
    @Get("/countries")
    public List<CountryCount> countries(@Valid @RequestBean CountriesRequest query) {
        return offers.countriesWithOpenOffers(query.code());
    }

    private static void requireSource(Authentication key, String source) {
        if (!SourceGrant.of(key).mayWrite(source)) {
            throw ApiException.forbidden("This API key may not write offers of source '" + source + "'");
        }
    }
}
