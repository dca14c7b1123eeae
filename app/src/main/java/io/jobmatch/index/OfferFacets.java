package io.jobmatch.index;

import io.jobmatch.offers.EmploymentType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Counts of the offers a search could return, per value of each faceted field, most first (ties by value). Each
 * field's counts apply every filter but its own (disjunctive faceting), so they say what choosing another value of
 * that field would give; offers without the field are not counted.
 *
 * @param country        per ISO 3166-1 country code
 * @param employmentType per employment type
 * @param remote         per value of the {@code remote} flag
 */
@Serdeable
public record OfferFacets(
        List<FacetCount<String>> country,
        List<FacetCount<EmploymentType>> employmentType,
        List<FacetCount<Boolean>> remote) {}
