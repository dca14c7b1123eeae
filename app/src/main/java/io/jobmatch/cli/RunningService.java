package io.jobmatch.cli;

import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The service with the servers it needs: local PostgreSQL and Qdrant are started first, because the service's
 * context is built with the addresses they get, and stopped after it.
 */
public final class RunningService implements AutoCloseable {

    private final LocalInfrastructure infrastructure;
    private final ApplicationContext context;

    private RunningService(LocalInfrastructure infrastructure, ApplicationContext context) {
        this.infrastructure = infrastructure;
        this.context = context;
    }

    /** Starts servers, context and HTTP server; {@code properties} are added to the context's configuration. */
    public static RunningService start(LocalSettings settings, Map<String, Object> properties) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings, true);
        try {
            Map<String, Object> all = new HashMap<>(properties);
            all.putAll(infrastructure.properties());
            // Not Micronaut.run: its own shutdown hook would race ours, and the servers must stop after the service.
            ApplicationContext context =
                    ApplicationContext.builder().properties(all).start();
            context.getBean(EmbeddedServer.class).start();
            return new RunningService(infrastructure, context);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public EmbeddedServer server() {
        return context.getBean(EmbeddedServer.class);
    }

    @Override
    public void close() {
        context.close();
        infrastructure.close();
    }
}
