package io.jobmatch.eval;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation run measured, with what it ran on (written as JSON by {@code --json}).
 *
 * @param settings the ranking settings in force (fusion, candidates, BM25 parameters), so runs can be compared
 */
@Serdeable
public record EvalReport(
        String dataset,
        String model,
        boolean multilingualModel,
        String date,
        int documents,
        double indexingSeconds,
        Map<String, String> settings,
        List<ModeReport> modes) {}
