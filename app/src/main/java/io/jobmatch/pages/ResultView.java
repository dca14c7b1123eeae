package io.jobmatch.pages;

import java.util.List;

/**
 * One search result as the candidate page shows it.
 *
 * @param rank         1 for the best result
 * @param highlights   the passages closest to the CV, each split into plain and marked pieces
 * @param matchedTerms the CV's words the offer contains
 */
public record ResultView(
        int rank, OfferView offer, List<List<MarkedText.Piece>> highlights, List<String> matchedTerms) {}
