package io.jobmatch.local;

import io.jobmatch.index.QdrantSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the service needs started beside it. A configured JDBC URL or Qdrant host means "external: start nothing".
 * Only the command line's context has it: the service's context is built after these servers, with their addresses
 * set, so there it would always say "external".
 */
@Singleton
@Requires(env = Environment.CLI)
public record LocalSettings(
        Path dataDir,
        Optional<String> jdbcUrl,
        int postgresPort,
        Optional<String> qdrantHost,
        Path qdrantBinary,
        int qdrantHttpPort,
        int qdrantGrpcPort) {

    @Inject
    public LocalSettings(
            JobmatchSettings jobmatch,
            DatasourceSettings datasource,
            PostgresSettings postgres,
            QdrantSettings qdrant) {
        this(
                Path.of(jobmatch.dataDir()).toAbsolutePath(),
                configured(datasource.url()),
                postgres.port(),
                configured(qdrant.host()),
                Path.of(configured(qdrant.binary()).orElse(QdrantBinary.DEFAULT_LOCATION))
                        .toAbsolutePath(),
                qdrant.localHttpPort(),
                qdrant.localGrpcPort());
    }

    private static Optional<String> configured(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }
}
