package io.jobmatch.cli;

import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

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
        return start(settings, properties, context -> {});
    }

    /**
     * As {@link #start(LocalSettings, Map)}, running {@code beforeServing} on the started context before the HTTP
     * port opens: what it stores is there for the first request.
     */
    public static RunningService start(
            LocalSettings settings, Map<String, Object> properties, Consumer<ApplicationContext> beforeServing) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings, true);
        try {
            Map<String, Object> all = new HashMap<>(properties);
            all.putAll(infrastructure.properties());
            // Not Micronaut.run: its own shutdown hook would race ours, and the servers must stop after the service.
            ApplicationContext context =
                    ApplicationContext.builder().properties(all).start();
            try {
                beforeServing.accept(context);
                context.getBean(EmbeddedServer.class).start();
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
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
