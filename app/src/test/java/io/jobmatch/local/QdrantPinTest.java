package io.jobmatch.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.support.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot read qdrant.properties, so this keeps its Qdrant image on the pinned version. */
class QdrantPinTest {

    @Test
    void dockerComposeRunsThePinnedQdrant() throws IOException {
        String compose = Files.readString(TestServers.repositoryRoot().resolve("docker-compose.yml"));
        assertTrue(
                compose.lines().anyMatch(line -> line.strip().equals("image: " + TestServers.QDRANT_IMAGE)),
                "docker-compose.yml must run " + TestServers.QDRANT_IMAGE + " (qdrant.properties)");
    }
}
