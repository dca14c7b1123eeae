package io.jobmatch.search;

import io.jobmatch.offers.IsoCodes;
import io.jobmatch.offers.OfferService;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.FieldError;
import io.jobmatch.web.JsonFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** HTTP adapter for CV search and offer-to-offer similarity. */
@Controller("/api")
public class SearchController {

    private final SearchService search;
    private final JsonMapper json;

    public SearchController(SearchService search, JsonMapper json) {
        this.search = search;
        this.json = json;
    }

    @Post(uri = "/search", consumes = MediaType.APPLICATION_JSON)
    public SearchResponse search(@Body byte[] body) {
        return search.search(SearchQuery.read(JsonFields.parse(json, body)));
    }

    @Get("/offers/{id}/similar")
    public SearchResponse similar(@PathVariable String id, @Nullable @QueryValue String language,
                                  @Nullable @QueryValue String includeClosed, @Nullable @QueryValue String limit,
                                  @Nullable @QueryValue String offset) {
        List<FieldError> errors = new ArrayList<>();
        String code = language == null || language.isBlank() ? null : IsoCodes.language(language);
        if (language != null && !language.isBlank() && code == null) {
            errors.add(new FieldError("language", IsoCodes.notALanguage(language)));
        }
        boolean closed = flag("includeClosed", includeClosed, errors);
        int max = number("limit", limit, 1, SearchQuery.MAX_LIMIT, SearchQuery.DEFAULT_LIMIT, errors);
        int skip = number("offset", offset, 0, SearchQuery.MAX_OFFSET, 0, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return search.similar(OfferService.parseId(id), new SimilarQuery(code, closed, max, skip));
    }

    private static boolean flag(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            errors.add(new FieldError(name, "must be true or false (got '" + value + "')"));
            return false;
        }
        return Boolean.parseBoolean(value);
    }

    private static int number(String name, String value, int min, int max, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer between " + min + " and " + max + " (got '" + value
                + "')"));
        return fallback;
    }
}
