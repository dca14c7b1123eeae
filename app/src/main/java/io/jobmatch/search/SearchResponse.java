package io.jobmatch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Ranked offers, best first, plus how the query was read: {@code queryTokens} and {@code queryChunks} say how much of
 * a long CV the model read (nothing is silently truncated).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(List<SearchResult> results, String language, Integer queryTokens, Integer queryChunks) {
}
