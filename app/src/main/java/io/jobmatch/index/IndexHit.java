package io.jobmatch.index;

import java.util.UUID;

/** An offer id returned by the index with its similarity (cosine, higher is closer). */
public record IndexHit(UUID offerId, double score) {}
