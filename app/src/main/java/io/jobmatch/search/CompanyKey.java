package io.jobmatch.search;

import java.util.Locale;

/**
 * A company name as compared when results are grouped by employer: lower case, runs of spaces as one, trimmed, so
 * that two feeds writing "ACME  Corp" and "Acme Corp" name one company. Null when the name is absent or blank:
 * nothing then says that two offers share an employer.
 */
final class CompanyKey {

    private CompanyKey() {}

    static String of(String company) {
        if (company == null || company.isBlank()) {
            return null;
        }
        return company.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
