package io.jobmatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jobmatch.support.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line reads what to start from the same properties the service reads, defaults included. */
class LocalSettingsTest {

    @Test
    void nothingConfiguredStartsEverythingLocally() {
        assertEquals(
                new LocalSettings(
                        Path.of("data").toAbsolutePath(),
                        Optional.empty(),
                        0,
                        Optional.empty(),
                        Path.of(QdrantBinary.DEFAULT_LOCATION).toAbsolutePath(),
                        0,
                        0),
                settings(Map.of()));
    }

    @Test
    void configuredServersAreExternal() {
        // A real database: a configured datasource is connected as soon as a context starts, the CLI's included.
        Map<String, Object> properties = new HashMap<>(TestServers.isolatedProperties("LocalSettingsTest"));
        properties.putAll(Map.of(
                "jobmatch.data-dir",
                "/srv/jobmatch",
                "jobmatch.postgres.port",
                "5433",
                "jobmatch.qdrant.binary",
                "/opt/qdrant",
                "jobmatch.qdrant.local-http-port",
                "6343",
                "jobmatch.qdrant.local-grpc-port",
                "6344"));
        assertEquals(
                new LocalSettings(
                        Path.of("/srv/jobmatch"),
                        Optional.of((String) properties.get("datasources.default.url")),
                        5433,
                        Optional.of((String) properties.get("jobmatch.qdrant.host")),
                        Path.of("/opt/qdrant"),
                        6343,
                        6344),
                settings(properties));
    }

    private static LocalSettings settings(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties, Environment.CLI)) {
            return context.getBean(LocalSettings.class);
        }
    }
}
