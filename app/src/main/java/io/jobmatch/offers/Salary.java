package io.jobmatch.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** A salary range (schema.org baseSalary); currency is ISO 4217. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Salary(BigDecimal min, BigDecimal max, String currency, SalaryPeriod period) {

    /**
     * The best amount the offer names ({@code max}, else {@code min}) converted to a year, which is what a minimum
     * salary filter compares; null without a period, since such an amount cannot be converted.
     */
    public BigDecimal bestPerYear() {
        BigDecimal best = max != null ? max : min;
        return period == null || best == null ? null : period.perYear(best);
    }
}
