package io.jobmatch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * At most {@code maxPerCompany} results per company, in the order given: a company's later results are dropped, the
 * rest keep their ranks relative to each other. Company names are compared ignoring case and surrounding spaces;
 * offers without a company are never limited (nothing says two of them share an employer).
 */
record CompanyDiversity(int maxPerCompany) {

    List<SearchResult> keep(List<SearchResult> ranked) {
        Map<String, Integer> seen = new HashMap<>();
        List<SearchResult> kept = new ArrayList<>(ranked.size());
        for (SearchResult result : ranked) {
            String company = result.offer().company();
            if (company == null
                    || seen.merge(company.strip().toLowerCase(Locale.ROOT), 1, Integer::sum) <= maxPerCompany) {
                kept.add(result);
            }
        }
        return kept;
    }
}
