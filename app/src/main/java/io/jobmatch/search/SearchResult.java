package io.jobmatch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jobmatch.explain.Highlight;
import io.jobmatch.offers.Offer;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * One ranked offer. What {@code score} means depends on the search mode ({@link SearchMode}): a cosine similarity
 * for dense search and "similar offers", a BM25 sum for keyword search, a fusion score for hybrid search; higher is
 * always better, but only within one response. {@code highlights} and {@code matchedTerms} say why a search result
 * matched (absent for similar offers). {@code duplicates} is how many other postings of the same job (same company,
 * nearly the same text) were folded into this one, {@code duplicateIds} their ids, best ranked first; both absent
 * when none were.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
        Offer offer,
        double score,
        List<Highlight> highlights,
        List<String> matchedTerms,
        Integer duplicates,
        List<UUID> duplicateIds) {

    public SearchResult(Offer offer, double score) {
        this(offer, score, null, null, null, null);
    }

    SearchResult explainedBy(List<Highlight> highlights, List<String> matchedTerms) {
        return new SearchResult(offer, score, highlights, matchedTerms, duplicates, duplicateIds);
    }

    SearchResult standingFor(List<UUID> folded) {
        return folded.isEmpty()
                ? this
                : new SearchResult(offer, score, highlights, matchedTerms, folded.size(), List.copyOf(folded));
    }
}
