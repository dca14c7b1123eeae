package io.jobmatch.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The embedded PostgreSQL, started when no JDBC URL is configured.
 *
 * @param port its port; 0 takes any free port
 */
@ConfigurationProperties("jobmatch.postgres")
public record PostgresSettings(@Bindable(defaultValue = "0") int port) {}
