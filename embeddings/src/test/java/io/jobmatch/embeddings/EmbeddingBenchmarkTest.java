package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddingBenchmarkTest {

    @Test
    void printsTheThroughputLineLast() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        EmbeddingBenchmark.Result result = EmbeddingBenchmark.run(
                TestModels.offline(), 5, 2, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(
                last.matches("embed-throughput: pipeline=\\d+\\.\\d{2} raw=\\d+\\.\\d{2} ratio=\\d+\\.\\d{3}"), last);
        assertTrue(result.best().ratio() > 0);
        assertTrue(result.cvLatency().pipelineMedian() > 0 && result.cvLatency().rawMedian() > 0);
        // The offline model is not batch-invariant, so only batch size 1 is meaningful for it.
        assertEquals(1, result.throughputs().size());
    }
}
