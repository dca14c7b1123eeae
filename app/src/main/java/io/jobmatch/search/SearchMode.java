package io.jobmatch.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code POST /api/search} ranks, and so what a result's {@code score} means:
 * <ul>
 *   <li>{@code hybrid} (default): dense and keyword candidates fused in Qdrant; the score is the fusion's, a weighted
 *   sum of the offer's cosine, its best passage's cosine and its saturated BM25 (see README "HTTP API"): it orders
 *   results within one response and means little across queries; it is not a probability or a percentage.</li>
 *   <li>{@code dense}: the embedding model alone; the score is the cosine similarity of CV and offer (-1..1).</li>
 *   <li>{@code keyword}: BM25 over the analysed words alone; the score is the BM25 sum, unbounded, larger with longer
 *   queries.</li>
 * </ul>
 */
@Serdeable
public enum SearchMode {
    HYBRID,
    DENSE,
    KEYWORD;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesDense() {
        return this != KEYWORD;
    }

    public boolean usesKeywords() {
        return this != DENSE;
    }

    public static Optional<SearchMode> of(String id) {
        return Arrays.stream(values())
                .filter(mode -> mode.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }
}
