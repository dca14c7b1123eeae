package io.jobmatch.eval;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A relevance dataset in a folder: {@code corpus.jsonl} ({@code id}, {@code lang}, {@code title}, {@code text};
 * other fields ignored), {@code queries.jsonl} ({@code id}, {@code lang}, {@code text}) and {@code qrels.tsv}
 * (TREC: {@code qid 0 docid grade}, grade above 0 is relevant). Queries without a relevant document are left out, as
 * trec_eval does.
 */
public record EvalDataset(List<EvalDocument> documents, List<EvalQuery> queries) {

    /**
     * @param languages           languages to keep (documents and queries); empty keeps all
     * @param maxQueriesPerLanguage at most this many queries per language, the first in file order; 0 keeps all
     */
    public static EvalDataset load(Path dir, Set<String> languages, int maxQueriesPerLanguage, JsonMapper json) {
        Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels.tsv"));
        List<EvalDocument> documents = new ArrayList<>();
        for (JsonNode line : jsonLines(dir.resolve("corpus.jsonl"), json)) {
            String language = field(line, "lang");
            if (languages.isEmpty() || languages.contains(language)) {
                documents.add(new EvalDocument(field(line, "id"), language, field(line, "title"), field(line, "text")));
            }
        }
        List<EvalQuery> queries = new ArrayList<>();
        Map<String, Integer> perLanguage = new HashMap<>();
        for (JsonNode line : jsonLines(dir.resolve("queries.jsonl"), json)) {
            String id = field(line, "id");
            String language = field(line, "lang");
            Map<String, Integer> relevant = qrels.getOrDefault(id, Map.of());
            if ((languages.isEmpty() || languages.contains(language))
                    && !relevant.isEmpty()
                    && (maxQueriesPerLanguage <= 0
                            || perLanguage.merge(language, 1, Integer::sum) <= maxQueriesPerLanguage)) {
                queries.add(new EvalQuery(id, language, field(line, "text"), relevant));
            }
        }
        return new EvalDataset(List.copyOf(documents), List.copyOf(queries));
    }

    /** Languages that have queries, sorted. */
    public Set<String> queryLanguages() {
        Set<String> languages = new TreeSet<>();
        queries.forEach(query -> languages.add(query.language()));
        return languages;
    }

    private static Map<String, Map<String, Integer>> qrels(Path file) {
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        int lineNumber = 0;
        for (String line : lines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.strip().split("\\s+");
            if (columns.length != 4) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": expected 'qid 0 docid grade'");
            }
            int grade = Integer.parseInt(columns[3]);
            if (grade > 0) {
                qrels.computeIfAbsent(columns[0], q -> new LinkedHashMap<>()).put(columns[2], grade);
            }
        }
        return qrels;
    }

    private static List<JsonNode> jsonLines(Path file, JsonMapper json) {
        List<JsonNode> nodes = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                nodes.add(json.readValue(line, JsonNode.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " is not JSON: " + e.getMessage(), e);
            }
        }
        return nodes;
    }

    private static String field(JsonNode line, String name) {
        JsonNode value = line.get(name);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing text field '" + name + "' in " + line);
        }
        return value.getStringValue();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
