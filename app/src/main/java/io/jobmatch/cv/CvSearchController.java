package io.jobmatch.cv;

import io.jobmatch.offers.OfferCriteria;
import io.jobmatch.search.SearchMode;
import io.jobmatch.search.SearchQuery;
import io.jobmatch.validation.CountryCode;
import io.jobmatch.validation.LanguageCode;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.FileProblemResponses;
import io.jobmatch.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** HTTP adapter for searching with a CV file. */
@Controller("/api")
@ProblemResponses
public class CvSearchController {

    private final CvFileSearch files;

    public CvSearchController(CvFileSearch files) {
        this.files = files;
    }

    /**
     * Jobs like my CV, the CV sent as a file (PDF, DOCX, ODT, RTF, TXT or HTML, told apart by content, at most
     * {@code jobmatch.cv.max-file-size}, 10 MB by default). Answers as {@code POST /api/search} does, plus the text
     * searched ({@code extractedText}, cut to the model's 20,000-character input limit when longer: then
     * {@code truncated} is true) and {@code extractedChars}. Nothing of the file is stored or logged.
     *
     * @param file        the CV file
     * @param language    ISO 639-1 language of the offers; when absent, the CV's detected language
     * @param country     ISO 3166-1 alpha-2 country of the offers
     * @param limit       results per page, 1 to 100 (default 10)
     * @param offset      results to skip, 0 to 1,000 (default 0)
     * @param mode        {@code hybrid} (default), {@code dense} or {@code keyword}
     * @param remote      only offers whose {@code remote} flag is this
     * @param postedAfter only offers posted on or after this day ({@code YYYY-MM-DD})
     * @param city        only offers in this city, compared ignoring case and accents
     * @return ranked results, how the text was read, and the text
     */
    @Post(uri = "/search/file", consumes = MediaType.MULTIPART_FORM_DATA)
    @FileProblemResponses
    public CvSearchResponse searchFile(
            @Nullable @Part("file") CompletedFileUpload file,
            @Nullable @Part("language") @LanguageCode String language,
            @Nullable @Part("country") @CountryCode String country,
            @Nullable
                    @Part("limit")
                    @Min(value = 1, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
                    @Max(value = SearchQuery.MAX_LIMIT, message = "must be between 1 and " + SearchQuery.MAX_LIMIT)
                    Integer limit,
            @Nullable
                    @Part("offset")
                    @Min(value = 0, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
                    @Max(value = SearchQuery.MAX_OFFSET, message = "must be between 0 and " + SearchQuery.MAX_OFFSET)
                    Integer offset,
            @Nullable
                    @Part("mode")
                    @Pattern(regexp = "(?i)hybrid|dense|keyword", message = "must be hybrid, dense or keyword")
                    String mode,
            @Nullable @Part("remote") @Pattern(regexp = "(?i)true|false", message = "must be true or false")
                    String remote,
            @Nullable @Part("postedAfter") LocalDate postedAfter,
            @Nullable @Part("city") @Size(max = 120, message = "must be at most {max} characters") String city) {
        if (file == null) {
            throw ApiException.invalid("file", "is required: the CV file as a multipart part named 'file'");
        }
        SearchQuery query = new SearchQuery(
                null,
                blank(language) ? null : language.strip().toLowerCase(Locale.ROOT),
                new OfferCriteria(
                        blank(country) ? null : country.strip().toUpperCase(Locale.ROOT),
                        blank(remote) ? null : Boolean.parseBoolean(remote.strip()),
                        Set.of(),
                        postedAfter,
                        blank(city) ? null : city,
                        null),
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset,
                blank(mode)
                        ? SearchMode.HYBRID
                        : SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)),
                null,
                true);
        try {
            return files.search(file.getBytes(), query);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded part", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
