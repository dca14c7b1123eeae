package io.jobmatch.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * PostgreSQL: the embedded server, started when no JDBC URL is configured, and how long a request waits for it.
 *
 * @param port              the embedded server's port; 0 takes any free port
 * @param connectionTimeout longest wait for a pooled connection (embedded or external server): while PostgreSQL is
 *                          down a request gets its 503 after this, instead of after Hikari's default 30 s
 */
@ConfigurationProperties("jobmatch.postgres")
public record PostgresSettings(
        @Bindable(defaultValue = "0") int port,
        @Bindable(defaultValue = "2s") Duration connectionTimeout) {}
