package io.jobmatch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jobmatch.index.OfferFacets;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Ranked offers, best first, plus how the query was read: {@code language} is the filter applied, which is
 * {@code detectedLanguage} (with its confidence) when the request gave none; {@code queryTokens} and {@code queryChunks} say how much of
 * a long CV the model read (nothing is silently truncated); {@code mode} is how it was ranked, which says what the
 * scores mean (absent for similar offers, always ranked by cosine similarity); {@code facets} count the open offers in
 * {@code language} that match the filters, each field's counts ignoring that field's own filter (absent for similar
 * offers).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(
        List<SearchResult> results,
        String language,
        String detectedLanguage,
        Double detectedLanguageConfidence,
        Integer queryTokens,
        Integer queryChunks,
        SearchMode mode,
        OfferFacets facets) {}
