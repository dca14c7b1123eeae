package io.jobmatch.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Search latency per mode and per stage, as histograms (Prometheus buckets, so percentiles aggregate across
 * replicas). Only the mode and the stage are tags: nothing from the query text ever becomes a metric.
 */
@Singleton
class SearchMetrics {

    private final Map<SearchMode, Timer> byMode = new EnumMap<>(SearchMode.class);
    private final Map<SearchTimings.Stage, Timer> byStage = new EnumMap<>(SearchTimings.Stage.class);

    SearchMetrics(MeterRegistry registry) {
        for (SearchMode mode : SearchMode.values()) {
            byMode.put(
                    mode,
                    Timer.builder("jobmatch.search")
                            .description("CV search time in the service, by mode")
                            .tag("mode", mode.id())
                            .publishPercentileHistogram()
                            .register(registry));
        }
        for (SearchTimings.Stage stage : SearchTimings.Stage.values()) {
            byStage.put(
                    stage,
                    Timer.builder("jobmatch.search.stage")
                            .description(
                                    "time a CV search spent in one stage (model, Qdrant, PostgreSQL, explanations)")
                            .tag("stage", stage.metricName())
                            .publishPercentileHistogram()
                            .register(registry));
        }
    }

    void record(SearchMode mode, SearchTimings timings) {
        byMode.get(mode).record(timings.totalNanos(), TimeUnit.NANOSECONDS);
        byStage.forEach((stage, timer) -> timer.record(timings.nanos(stage), TimeUnit.NANOSECONDS));
    }
}
