package io.jobmatch.offers;

import io.jobmatch.validation.AnyOf;
import io.jobmatch.validation.CurrencyCode;
import io.jobmatch.validation.JsonRequest;
import io.jobmatch.validation.NotBefore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A salary range (schema.org baseSalary) as a client sends it.
 *
 * @param min      lowest amount, 0 to 10^9
 * @param max      highest amount, 0 to 10^9, not less than {@code min}; one of the two is required
 * @param currency ISO 4217
 * @param period   what the amounts are paid for
 */
@Serdeable
@JsonRequest
@AnyOf(
        value = {"min", "max"},
        message = "min or max is required in a salary")
@NotBefore(field = "max", start = "min", message = "must not be less than min")
public record SalaryRequest(
        @DecimalMin(value = "0", message = "must be between 0 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
        @Nullable
        BigDecimal min,

        @DecimalMin(value = "0", message = "must be between 0 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
        @Nullable
        BigDecimal max,

        @NotNull(message = "is required in a salary") @CurrencyCode
        String currency,

        @Nullable SalaryPeriod period) {

    Salary toSalary() {
        return new Salary(min, max, currency.toUpperCase(Locale.ROOT), period);
    }
}
