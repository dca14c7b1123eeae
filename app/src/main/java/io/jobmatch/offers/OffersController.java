package io.jobmatch.offers;

import io.jobmatch.web.ApiException;
import io.jobmatch.web.JsonFields;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

import java.util.List;

/** HTTP adapter for single offers and the per-language country list. */
@Controller("/api")
public class OffersController {

    private final OfferService offers;
    private final OfferInput input;
    private final JsonMapper json;

    public OffersController(OfferService offers, OfferInput input, JsonMapper json) {
        this.offers = offers;
        this.input = input;
        this.json = json;
    }

    @Post(uri = "/offers", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<Offer> upsert(@Body byte[] body) {
        OfferReader.Result read = input.read(JsonFields.parse(json, body));
        if (!read.valid()) {
            throw ApiException.invalid(read.errors());
        }
        SavedOffer saved = offers.upsert(read.draft());
        return HttpResponse.<Offer>status(saved.change() == SavedOffer.Change.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(saved.offer());
    }

    @Get("/offers/{id}")
    public Offer get(@PathVariable String id) {
        return offers.get(OfferService.parseId(id));
    }

    @Delete("/offers/{id}")
    public HttpResponse<Void> delete(@PathVariable String id) {
        offers.delete(OfferService.parseId(id));
        return HttpResponse.noContent();
    }

    @Get("/countries")
    public List<CountryCount> countries(@QueryValue(defaultValue = "") String language) {
        String code = IsoCodes.language(language);
        if (code == null) {
            throw ApiException.invalid("language", "is required and " + IsoCodes.notALanguage(language));
        }
        return offers.countriesWithOpenOffers(code);
    }
}
