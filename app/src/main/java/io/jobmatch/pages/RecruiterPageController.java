package io.jobmatch.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** HTTP adapter of the recruiter page; a plain GET form, so every search and every offer has its own address. */
@Controller
@Hidden
class RecruiterPageController {

    private final RecruiterPage page;
    private final PageLanguages languages;
    private final PageRenderer renderer;

    RecruiterPageController(RecruiterPage page, PageLanguages languages, PageRenderer renderer) {
        this.page = page;
        this.languages = languages;
        this.renderer = renderer;
    }

    @Get(uri = "/{lang:[a-z][a-z]}/recruiter", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<ModelAndView<Map<String, Object>>> show(
            @PathVariable String lang,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String language,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String source,
            @QueryValue @Nullable String cursor,
            @QueryValue @Nullable String offer,
            @QueryValue @Nullable String hideClosed,
            @QueryValue @Nullable String similarLanguage) {
        if (languages.locale(lang).isEmpty()) {
            return renderer.notFound(PageLanguages.FALLBACK);
        }
        Optional<UUID> offerId = uuid(offer);
        RecruiterForm form = new RecruiterForm(
                FormValues.present(q),
                lower(language),
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT),
                FormValues.present(source),
                FormValues.present(cursor),
                offerId.orElse(null),
                "true".equalsIgnoreCase(hideClosed),
                lower(similarLanguage));
        if (offer == null || offer.isBlank()) {
            return renderer.page("recruiter", lang, "recruiter", page.listing(lang, form));
        }
        Optional<Map<String, Object>> similar = offerId.flatMap(id -> page.similar(lang, form));
        return similar.map(model -> renderer.page("recruiter-offer", lang, "recruiter", model))
                .orElseGet(() -> renderer.offerNotFound(lang));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String lower(String value) {
        String present = FormValues.present(value);
        return present == null ? null : present.toLowerCase(Locale.ROOT);
    }
}
