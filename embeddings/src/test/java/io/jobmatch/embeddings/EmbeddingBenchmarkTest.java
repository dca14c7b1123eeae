package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingBenchmarkTest {

    @Test
    void printsTheThroughputLineLast() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        EmbeddingBenchmark.Result result = EmbeddingBenchmark.run(
                TestModels.offline(),
                5,
                2,
                false,
                new int[] {1, 8},
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(
                last.matches("embed-throughput: pipeline=\\d+\\.\\d{2} raw=\\d+\\.\\d{2} ratio=\\d+\\.\\d{3}"), last);
        assertTrue(result.ratio() > 0);
        assertTrue(result.cvLatency().pipelineMedian() > 0 && result.cvLatency().rawMedian() > 0);
        // Raw is measured at every batch size even though this engine (no batch jitter) sends one window per call.
        assertEquals(2, result.throughputs().size());
    }

    @Test
    void theCeilingIsTheFastestBatchSizeOverAllTexts() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> offers = List.of(SyntheticCorpus.offer(1), SyntheticCorpus.offer(2), SyntheticCorpus.offer(3));

        EmbeddingBenchmark.Ceiling ceiling = EmbeddingBenchmark.ceiling(
                TestModels.offline(), offers, 2, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertTrue(List.of(1, 8, 16, 32).contains(ceiling.batchSize()), "batch " + ceiling.batchSize());
        assertEquals(offers.size() / ceiling.seconds(), ceiling.textsPerSecond(), 1e-9);
        assertEquals(4, buffer.toString(StandardCharsets.UTF_8).strip().split("\n").length);
    }
}
