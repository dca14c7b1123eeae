package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** A salary range (schema.org baseSalary); currency is ISO 4217. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Salary(BigDecimal min, BigDecimal max, String currency, SalaryPeriod period) {}
