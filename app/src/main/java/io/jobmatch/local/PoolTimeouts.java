package io.jobmatch.local;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Applies {@code jobmatch.postgres.connection-timeout} to the connection pool before it starts. It is set here rather
 * than as {@code datasources.default.*} in application.yml, because a datasource entry there would make the
 * commands that need no database (eval, bench-facets) build a pool without a URL.
 */
@Singleton
class PoolTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final PostgresSettings settings;

    PoolTimeouts(PostgresSettings settings) {
        this.settings = settings;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        long timeout = settings.connectionTimeout().toMillis();
        pool.setConnectionTimeout(timeout);
        // Hikari needs the validation check to be quicker than the wait it is part of.
        pool.setValidationTimeout(Math.min(pool.getValidationTimeout(), Math.max(250, timeout / 2)));
        return pool;
    }
}
