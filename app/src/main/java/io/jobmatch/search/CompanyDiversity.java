package io.jobmatch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At most {@code maxPerCompany} results per company, in the order given: a company's later results are dropped, the
 * rest keep their ranks relative to each other. Companies are compared by {@link CompanyKey} (ignoring case and
 * extra spaces); offers without a company are never limited (nothing says two of them share an employer).
 */
record CompanyDiversity(int maxPerCompany) {

    List<SearchResult> keep(List<SearchResult> ranked) {
        Map<String, Integer> seen = new HashMap<>();
        List<SearchResult> kept = new ArrayList<>(ranked.size());
        for (SearchResult result : ranked) {
            String company = CompanyKey.of(result.offer().company());
            if (company == null || seen.merge(company, 1, Integer::sum) <= maxPerCompany) {
                kept.add(result);
            }
        }
        return kept;
    }
}
