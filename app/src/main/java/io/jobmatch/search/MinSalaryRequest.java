package io.jobmatch.search;

import io.jobmatch.offers.MinimumSalary;
import io.jobmatch.offers.SalaryPeriod;
import io.jobmatch.validation.CurrencyCode;
import io.jobmatch.validation.JsonRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The least salary a searcher accepts. An offer matches when its salary is in {@code currency} and its best amount
 * ({@code max}, else {@code min}) reaches {@code amount} once both are converted to a year (1 YEAR = 12 MONTH =
 * 2,080 HOUR); an offer with no salary, another currency or no salary period does not match.
 *
 * @param amount   0 to 10^9, per {@code period}
 * @param currency ISO 4217; only offers paid in it can match (no exchange rates)
 * @param period   {@code HOUR}, {@code MONTH} or {@code YEAR}
 */
@Serdeable
@JsonRequest
public record MinSalaryRequest(
        @NotNull(message = "is required in a minimum salary")
        @DecimalMin(value = "0", message = "must be between 0 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
        BigDecimal amount,

        @NotNull(message = "is required in a minimum salary") @CurrencyCode
        String currency,

        @NotNull(message = "is required in a minimum salary")
        SalaryPeriod period) {

    MinimumSalary toMinimum() {
        return new MinimumSalary(amount, currency.toUpperCase(Locale.ROOT), period);
    }
}
