package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Passages stored per offer for highlights.
 *
 * @param enabled whether offers are indexed with their passages; without them results carry no highlights, and
 *                indexing is about twice as fast
 * @param max          most passages kept per offer, from the start of the description
 * @param lateChunking whether a passage's vector is pooled from the offer's own forward pass (its tokens' states
 *                     within the whole offer) instead of embedding each passage as a text of its own: no model call
 *                     per passage, but hybrid ranking lost 0.016 MRR@10 on the evaluation's Italian part, so it is
 *                     off by default (docs/search-quality.md, "Indexing cost: late chunking and batch jitter")
 * @param cacheMib     memory kept for passages read for highlights, in MiB (0: none), so that offers found again
 *                     by the next searches are not read from Qdrant again while their points are unchanged
 */
@ConfigurationProperties("jobmatch.index.passages")
public record PassageSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "40") int max,
        @Bindable(defaultValue = "false") boolean lateChunking,
        @Bindable(defaultValue = "16") @PositiveOrZero int cacheMib) {}
