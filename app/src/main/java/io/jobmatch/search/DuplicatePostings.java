package io.jobmatch.search;

import io.jobmatch.embeddings.Vectors;
import io.jobmatch.index.IndexHit;
import io.jobmatch.index.OfferIndex;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Folds the postings of one job (the same offer from two feeds, or reposted) into the best ranked of them, which
 * then says which postings it stands for.
 *
 * <p>Two results are postings of one job when they have the same {@link CompanyKey} and their stored dense vectors
 * (title and description, as indexed) have a cosine of at least {@link #SAME_JOB_COSINE}. The vectors are already in
 * Qdrant and are compared only for the results that share a company with another one in the window, so nothing is
 * computed at ingest and no layout changes; a text fingerprint (shingles, MinHash) would need both, and would miss a
 * repost whose sentences were reordered or reworded, which the embedding barely notices. The company must match
 * because two employers' ads for one role can read alike and are still two jobs. Each result is compared with the
 * results kept so far, never with those already folded, so a chain of small edits cannot drift from one job to
 * another.
 */
@Singleton
class DuplicatePostings {

    /**
     * Measured with e5-small-v2 in {@code DuplicatePostingsTest} (docs/search-quality.md, "Duplicate postings"):
     * reposts with a new date line, typos or a changed title suffix score 0.989 and more, one with all its sentences
     * reordered 0.979; other jobs at the same company (junior vs. senior backend, Android, nurse) at most 0.957. The
     * threshold sits in that gap, a little nearer the reposts: folding two jobs hides one, missing a repost only shows it
     * twice. Not measured on real postings (the public dev set is not available to the tests).
     */
    static final double SAME_JOB_COSINE = 0.97;

    private final OfferIndex index;

    DuplicatePostings(OfferIndex index) {
        this.index = index;
    }

    /**
     * The stored vectors these candidates could be compared by, read while the search reads the candidates from
     * PostgreSQL: before the companies are known, so of every candidate, in the same one request (none for those an
     * earlier search read at the same point version).
     */
    Map<UUID, float[]> vectorsOf(List<IndexHit> candidates) {
        return index.vectorsOf(candidates);
    }

    /**
     * The results in their order, each later posting of a job already kept folded into it.
     *
     * @param stored the stored vectors of (at least) the results sharing a company with another ({@link #vectorsOf})
     */
    List<SearchResult> collapse(List<SearchResult> ranked, Map<UUID, float[]> stored) {
        Set<UUID> comparable = sharingACompany(ranked);
        Map<UUID, float[]> vectors = new HashMap<>();
        stored.forEach((id, vector) -> {
            if (comparable.contains(id)) {
                vectors.put(id, vector);
            }
        });
        if (vectors.isEmpty()) {
            return ranked;
        }
        List<Job> jobs = new ArrayList<>(ranked.size());
        Map<String, List<Job>> byCompany = new HashMap<>();
        for (SearchResult result : ranked) {
            String company = CompanyKey.of(result.offer().company());
            float[] vector = vectors.get(result.offer().id());
            Job same = vector == null
                    ? null
                    : byCompany.getOrDefault(company, List.of()).stream()
                            .filter(job -> Vectors.dot(job.vector(), vector) >= SAME_JOB_COSINE)
                            .findFirst()
                            .orElse(null);
            if (same != null) {
                same.folded().add(result.offer().id());
            } else {
                Job job = new Job(result, vector, new ArrayList<>());
                jobs.add(job);
                if (company != null && vector != null) {
                    byCompany.computeIfAbsent(company, key -> new ArrayList<>()).add(job);
                }
            }
        }
        return jobs.stream().map(job -> job.kept().standingFor(job.folded())).toList();
    }

    /** A kept result, its vector, and the postings folded into it. */
    private record Job(SearchResult kept, float[] vector, List<UUID> folded) {}

    /** Only results whose company appears more than once can have a duplicate: only their vectors are read. */
    private static Set<UUID> sharingACompany(List<SearchResult> ranked) {
        Map<String, List<UUID>> byCompany = ranked.stream()
                .filter(result -> CompanyKey.of(result.offer().company()) != null)
                .collect(Collectors.groupingBy(
                        result -> CompanyKey.of(result.offer().company()),
                        Collectors.mapping(result -> result.offer().id(), Collectors.toList())));
        return byCompany.values().stream()
                .filter(ids -> ids.size() > 1)
                .flatMap(List::stream)
                .collect(Collectors.toSet());
    }
}
