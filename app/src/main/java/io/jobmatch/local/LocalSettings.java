package io.jobmatch.local;

import io.micronaut.core.value.PropertyResolver;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the service needs started beside it, read from the same properties as the service (application.yml,
 * environment variables, system properties). A configured JDBC URL or Qdrant host means "external: start nothing".
 */
public record LocalSettings(Path dataDir, Optional<String> jdbcUrl, int postgresPort, Optional<String> qdrantHost,
                            Path qdrantBinary, int qdrantHttpPort, int qdrantGrpcPort) {

    public static LocalSettings from(PropertyResolver properties) {
        return new LocalSettings(
                Path.of(properties.get("jobmatch.data-dir", String.class).orElse("data")).toAbsolutePath(),
                properties.get("datasources.default.url", String.class).filter(s -> !s.isBlank()),
                properties.get("jobmatch.postgres.port", Integer.class).orElse(0),
                properties.get("jobmatch.qdrant.host", String.class).filter(s -> !s.isBlank()),
                Path.of(properties.get("jobmatch.qdrant.binary", String.class)
                        .orElse(QdrantBinary.DEFAULT_LOCATION)).toAbsolutePath(),
                properties.get("jobmatch.qdrant.local-http-port", Integer.class).orElse(0),
                properties.get("jobmatch.qdrant.local-grpc-port", Integer.class).orElse(0));
    }
}
