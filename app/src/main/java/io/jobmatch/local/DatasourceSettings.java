package io.jobmatch.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The one datasource property read before the service's context exists, to know whether to start PostgreSQL.
 *
 * @param url an external PostgreSQL's JDBC URL; unset, the service starts the embedded one and sets it
 */
@ConfigurationProperties("datasources.default")
public record DatasourceSettings(@Nullable String url) {}
