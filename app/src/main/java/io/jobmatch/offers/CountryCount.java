package io.jobmatch.offers;

import io.micronaut.serde.annotation.Serdeable;

/** How many open offers one country has in one language. */
@Serdeable
public record CountryCount(String country, long count) {}
