package io.jobmatch.pages;

import io.jobmatch.offers.EmploymentType;
import io.jobmatch.search.SearchQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * HTTP adapter of the candidate page. The form posts back to the page as multipart (a CV file may come with it), so
 * the CV never appears in a URL, a server log line or the browser history.
 */
@Controller
@Hidden
class CandidatePageController {

    private final CandidatePage page;
    private final PageLanguages languages;
    private final PageRenderer renderer;

    CandidatePageController(CandidatePage page, PageLanguages languages, PageRenderer renderer) {
        this.page = page;
        this.languages = languages;
        this.renderer = renderer;
    }

    /** The root sends the browser to the page in its preferred language. */
    @Get("/")
    HttpResponse<?> home(@Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return HttpResponse.seeOther(URI.create("/" + languages.bestFor(acceptLanguage) + "/"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    @Get(uri = "/{lang:[a-z][a-z]}/", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<ModelAndView<Map<String, Object>>> show(@PathVariable String lang) {
        if (languages.locale(lang).isEmpty()) {
            return renderer.notFound(PageLanguages.FALLBACK);
        }
        return renderer.page("candidate", lang, "", page.form(lang, CandidateForm.empty()));
    }

    @Post(uri = "/{lang:[a-z][a-z]}/", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<ModelAndView<Map<String, Object>>> search(
            @PathVariable String lang,
            @Part("text") @Nullable String text,
            @Part("country") @Nullable String country,
            @Part("offset") @Nullable String offset,
            @Part("remote") @Nullable String remote,
            @Part("employmentType") @Nullable String employmentType,
            @Part("file") @Nullable CompletedFileUpload file)
            throws IOException {
        if (languages.locale(lang).isEmpty()) {
            return renderer.notFound(PageLanguages.FALLBACK);
        }
        CandidateForm form = new CandidateForm(
                text, FormValues.present(country), offset(offset), flag(remote), employmentType(employmentType));
        // A form without a chosen file still sends an empty part with an empty name.
        boolean fileChosen = file != null && FormValues.present(file.getFilename()) != null;
        return renderer.page(
                "candidate",
                lang,
                "",
                fileChosen
                        ? page.searchFile(lang, form, file.getFilename(), file.getBytes())
                        : page.search(lang, form));
    }

    private static Boolean flag(String value) {
        String present = FormValues.present(value);
        return "true".equals(present) ? Boolean.TRUE : "false".equals(present) ? Boolean.FALSE : null;
    }

    private static EmploymentType employmentType(String value) {
        return Arrays.stream(EmploymentType.values())
                .filter(type -> type.name().equals(FormValues.present(value)))
                .findFirst()
                .orElse(null);
    }

    private static int offset(String value) {
        try {
            return value == null ? 0 : Math.clamp(Integer.parseInt(value.strip()), 0, SearchQuery.MAX_OFFSET);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
