package io.jobmatch.offers;

import java.math.BigDecimal;

/**
 * The unit a salary amount is paid for (schema.org unitText), with how many of it make a year: the one place the
 * conversion factors are written down (README "Offer fields"). A year is 12 months or 2,080 hours (52 weeks of 40
 * hours).
 */
public enum SalaryPeriod {
    HOUR(2_080),
    MONTH(12),
    YEAR(1);

    private final int perYear;

    SalaryPeriod(int perYear) {
        this.perYear = perYear;
    }

    /** The yearly amount of {@code amount} paid per this period. */
    public BigDecimal perYear(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(perYear));
    }
}
