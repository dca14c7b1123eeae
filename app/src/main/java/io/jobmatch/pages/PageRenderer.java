package io.jobmatch.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every page response: the template and its model, the language links of the page header, and the headers a page
 * needs. The Content-Security-Policy allows scripts and styles from this service only, so no inline script runs even
 * if some offer text slipped through escaping; {@code no-store} keeps a CV shown back in the form out of caches.
 */
@Singleton
class PageRenderer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A link to the same page in another language, named in that language. */
    public record LanguageLink(String code, String href, String name, boolean current) {}

    private final PageLanguages languages;

    PageRenderer(PageLanguages languages) {
        this.languages = languages;
    }

    MutableHttpResponse<ModelAndView<Map<String, Object>>> page(
            String view, String lang, String path, Map<String, Object> model) {
        return page(HttpStatus.OK, view, lang, path, model);
    }

    /** The 404 page, in the given language (a page language, or the fallback). */
    MutableHttpResponse<ModelAndView<Map<String, Object>>> notFound(String lang) {
        return page(HttpStatus.NOT_FOUND, "not-found", lang, "", new HashMap<>());
    }

    /** The 404 page of an offer id nobody has (any more), on the recruiter page. */
    MutableHttpResponse<ModelAndView<Map<String, Object>>> offerNotFound(String lang) {
        Map<String, Object> model = new HashMap<>();
        model.put("message", "recruiter.offer.notFound");
        return page(HttpStatus.NOT_FOUND, "not-found", lang, "recruiter", model);
    }

    /**
     * @param path the page's path after {@code /{lang}/}, for the language links
     */
    MutableHttpResponse<ModelAndView<Map<String, Object>>> page(
            HttpStatus status, String view, String lang, String path, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("lang", lang);
        full.put("languages", links(lang, path));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .body(new ModelAndView<>(view, full))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private List<LanguageLink> links(String current, String path) {
        return languages.codes().stream()
                .map(code -> {
                    Locale locale = Locale.forLanguageTag(code);
                    String name = locale.getDisplayLanguage(locale);
                    return new LanguageLink(
                            code,
                            "/" + code + "/" + path,
                            name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                            code.equals(current));
                })
                .toList();
    }
}
