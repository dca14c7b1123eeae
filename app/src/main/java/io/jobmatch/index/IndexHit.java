package io.jobmatch.index;

import java.util.UUID;

/**
 * An offer id returned by the index with its similarity (cosine, higher is closer).
 *
 * @param version Qdrant's version of the point when it was ranked (it changes with every write to the point), so
 *                what was read of that point before can be reused while it is unchanged; 0 when unknown
 */
public record IndexHit(UUID offerId, double score, long version) {}
