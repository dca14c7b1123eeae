package io.jobmatch.search;

import io.jobmatch.embeddings.EmbeddingEngine;
import io.jobmatch.offers.IsoCodes;
import io.jobmatch.web.ApiException;
import io.jobmatch.web.JsonFields;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;

/**
 * A validated "jobs like my CV" request; {@code language} null means "detect it from the text". Limits are the
 * documented API limits.
 */
public record SearchQuery(String text, String language, String country, int limit, int offset, SearchMode mode) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000;
    public static final int DEFAULT_LIMIT = 10;
    private static final Set<String> FIELDS = Set.of("text", "language", "country", "limit", "offset", "mode");

    public static SearchQuery read(JsonNode body) {
        JsonFields json = JsonFields.of(body, "");
        json.rejectUnknown(FIELDS);
        String text = json.requiredText("text", EmbeddingEngine.MAX_TEXT_CHARS);
        String language = code(json, "language", json.text("language", 8), true);
        String country = code(json, "country", json.text("country", 8), false);
        int limit = json.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        int offset = json.integer("offset", 0, MAX_OFFSET, 0);
        SearchMode mode = mode(json);
        if (!json.errors().isEmpty()) {
            throw ApiException.invalid(json.errors());
        }
        return new SearchQuery(text, language, country, limit, offset, mode);
    }

    private static SearchMode mode(JsonFields json) {
        String mode = json.text("mode", 16);
        if (mode == null) {
            return SearchMode.HYBRID;
        }
        return SearchMode.of(mode).orElseGet(() -> {
            json.error("mode", "must be one of hybrid, dense, keyword (got '" + mode + "')");
            return SearchMode.HYBRID;
        });
    }

    private static String code(JsonFields json, String field, String value, boolean isLanguage) {
        if (value == null) {
            return null;
        }
        String code = isLanguage ? IsoCodes.language(value) : IsoCodes.country(value);
        if (code == null) {
            json.error(field, isLanguage ? IsoCodes.notALanguage(value) : IsoCodes.notACountry(value));
        }
        return code;
    }
}
