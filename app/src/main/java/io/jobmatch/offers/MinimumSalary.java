package io.jobmatch.offers;

import java.math.BigDecimal;

/** The least salary a searcher accepts: {@code amount} in {@code currency} (ISO 4217, upper case) per {@code period}. */
public record MinimumSalary(BigDecimal amount, String currency, SalaryPeriod period) {

    public BigDecimal perYear() {
        return period.perYear(amount);
    }

    /**
     * Whether an offer pays at least this: its salary is in the same currency and its best amount per year reaches
     * this amount per year. No salary, another currency, or no period to convert with: no match.
     */
    public boolean isMetBy(Salary salary) {
        if (salary == null || !currency.equals(salary.currency())) {
            return false;
        }
        BigDecimal offered = salary.bestPerYear();
        return offered != null && offered.compareTo(perYear()) >= 0;
    }
}
