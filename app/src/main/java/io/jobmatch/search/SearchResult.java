package io.jobmatch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jobmatch.explain.Highlight;
import io.jobmatch.offers.Offer;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One ranked offer. What {@code score} means depends on the search mode ({@link SearchMode}): a cosine similarity
 * for dense search and "similar offers", a BM25 sum for keyword search, a fusion score for hybrid search; higher is
 * always better, but only within one response. {@code highlights} and {@code matchedTerms} say why a search result
 * matched (absent for similar offers).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(Offer offer, double score, List<Highlight> highlights, List<String> matchedTerms) {

    public SearchResult(Offer offer, double score) {
        this(offer, score, null, null);
    }
}
