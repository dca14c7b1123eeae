package io.jobmatch.offers;

/** The unit a salary amount is paid for (schema.org unitText). */
public enum SalaryPeriod {
    HOUR,
    MONTH,
    YEAR
}
