package io.jobmatch.cli;

import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A local Qdrant (unless an external one is configured) on a scratch storage folder of its own, for commands that
 * must never touch live offers (eval, bench-facets). Closing it stops Qdrant and deletes the folder; so does a
 * SIGTERM, which runs shutdown hooks but not the command's finally blocks.
 */
final class ThrowAwayQdrant implements AutoCloseable {

    private final String name;
    private final Path scratch;
    private final PrintWriter err;
    private final AtomicReference<LocalInfrastructure> servers = new AtomicReference<>();
    private final Thread hook;

    private ThrowAwayQdrant(String name, Path scratch, PrintWriter err) {
        this.name = name;
        this.scratch = scratch;
        this.err = err;
        this.hook = new Thread(this::cleanUp, name + "-cleanup");
    }

    /** @param name the command's name: in the scratch folder's, the collection prefix's and error messages */
    static ThrowAwayQdrant start(String name, LocalSettings settings, PrintWriter err) {
        ThrowAwayQdrant qdrant = new ThrowAwayQdrant(name, scratchDir(name), err);
        Runtime.getRuntime().addShutdownHook(qdrant.hook);
        try {
            qdrant.servers.set(LocalInfrastructure.start(throwAway(settings, qdrant.scratch), false));
            return qdrant;
        } catch (RuntimeException e) {
            qdrant.close();
            throw e;
        }
    }

    /**
     * A context with everything {@code environment} was configured with, this Qdrant's address, a collection prefix
     * of its own and {@code overrides}. It is a CLI context, so the service's indexer (which reads PostgreSQL) is
     * absent.
     */
    ApplicationContext context(Environment environment, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(servers.get().properties());
        properties.put(
                "jobmatch.qdrant.collection-prefix",
                name.replace('-', '_') + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis());
        properties.putAll(overrides);
        PropertySource[] inherited = environment.getPropertySources().stream()
                .map(source -> PropertySource.of("inherited-" + source.getName(), asMap(source), source.getOrder()))
                .toArray(PropertySource[]::new);
        return ApplicationContext.builder()
                .environments(Environment.CLI)
                .propertySources(inherited)
                .properties(properties)
                .start();
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; both clean-ups are idempotent
        }
    }

    private void cleanUp() {
        LocalInfrastructure started = servers.getAndSet(null);
        if (started != null) {
            started.close();
        }
        delete(scratch);
    }

    /** Same settings as the service, but a local Qdrant gets scratch storage and free ports of its own. */
    private static LocalSettings throwAway(LocalSettings settings, Path scratch) {
        return new LocalSettings(
                scratch,
                settings.jdbcUrl(),
                settings.postgresPort(),
                settings.qdrantHost(),
                settings.qdrantBinary(),
                0,
                0);
    }

    private static Map<String, Object> asMap(PropertySource source) {
        Map<String, Object> map = new HashMap<>();
        source.forEach(key -> map.put(key, source.get(key)));
        return map;
    }

    private static Path scratchDir(String name) {
        try {
            return Files.createTempDirectory("jobmatch-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder", e);
        }
    }

    private void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            err.println(name + ": could not delete " + dir + ": " + e.getMessage());
        }
    }
}
