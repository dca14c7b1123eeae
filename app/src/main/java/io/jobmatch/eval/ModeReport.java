package io.jobmatch.eval;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation of one search mode: one row per language and the macro average. */
@Serdeable
public record ModeReport(String mode, List<LanguageScores> languages, LanguageScores macro) {

    /** A plain-text table: a header, one row per language, the macro row. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%-6s %7s %7s %7s %8s %9s %7s %8s",
                "lang",
                "queries",
                "mrr@10",
                "ndcg@10",
                "recall@1",
                "recall@10",
                "purity",
                "q/s"));
        languages.forEach(row -> lines.add(row(row)));
        lines.add(row(macro));
        return lines;
    }

    /** The one-line summary the command prints last. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "eval: mode=%s mrr@10=%.4f ndcg@10=%.4f recall@10=%.4f purity=%.4f queries=%d",
                mode,
                macro.mrr10(),
                macro.ndcg10(),
                macro.recall10(),
                macro.purity(),
                macro.queries());
    }

    private static String row(LanguageScores row) {
        return String.format(
                Locale.ROOT,
                "%-6s %7d %7.4f %7.4f %8.4f %9.4f %7.4f %8.1f",
                row.language(),
                row.queries(),
                row.mrr10(),
                row.ndcg10(),
                row.recall1(),
                row.recall10(),
                row.purity(),
                row.queriesPerSecond());
    }
}
