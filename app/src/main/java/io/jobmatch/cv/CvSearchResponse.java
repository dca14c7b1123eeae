package io.jobmatch.cv;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jobmatch.search.SearchResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A search with a CV file: the response of {@code POST /api/search}, plus what was read from the file. It goes back
 * only to the person who sent the file, so the page can show the text for correction.
 *
 * @param search         the results and how the text was read, as {@code POST /api/search} answers
 * @param extractedChars characters of text read from the file (whitespace tidied), counted up to the extraction limit
 * @param truncated      whether the text searched is shorter than the file's: cut to the model's 20,000-character
 *                       input limit, or at the extraction limit
 * @param extractedText  the text searched
 */
@Serdeable
public record CvSearchResponse(
        @JsonUnwrapped SearchResponse search, int extractedChars, boolean truncated, String extractedText) {}
