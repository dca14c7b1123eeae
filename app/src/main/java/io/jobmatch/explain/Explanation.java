package io.jobmatch.explain;

import java.util.List;

/**
 * Why one offer matched.
 *
 * @param highlights   the offer's best-matching passages, best first; empty when the offer was indexed without them
 * @param matchedTerms query words found in the offer after analysis (stemming, stop words), as the query wrote them
 */
public record Explanation(List<Highlight> highlights, List<String> matchedTerms) {}
