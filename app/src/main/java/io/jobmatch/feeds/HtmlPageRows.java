package io.jobmatch.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A job page: the JobPostings of its {@code <script type="application/ld+json">} blocks (jsoup), other JSON-LD
 * (breadcrumbs, the organisation) left out. A page is one document, read whole; its rows are at {@code file#index}.
 * A page without a JobPosting, or with a block that is not JSON, is an invalid row.
 */
final class HtmlPageRows {

    private HtmlPageRows() {}

    static RowSource read(String name, InputStream page, ObjectMapper json) throws IOException {
        List<FeedRow> rows = new ArrayList<>();
        for (Element script : Jsoup.parse(page, null, "").select("script[type=application/ld+json]")) {
            String location = name + "#" + rows.size();
            JsonNode value;
            try {
                value = json.readTree(script.data());
            } catch (JsonProcessingException malformed) {
                rows.add(FeedRow.invalid(
                        location, "$", "ld+json script is not valid JSON: " + malformed.getOriginalMessage()));
                continue;
            }
            for (JsonNode node : value.isArray() ? value : List.of(value)) {
                if (node instanceof ObjectNode object) {
                    for (ObjectNode offer : JobPostings.offers(object, true)) {
                        rows.add(FeedRow.offer(name + "#" + rows.size(), offer));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            rows.add(FeedRow.invalid(name + "#0", "$", "no schema.org JobPosting in the page's ld+json scripts"));
        }
        return RowSource.of(rows);
    }
}
