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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A local Qdrant (unless an external one is configured) on a storage folder of its own, for commands that must never
 * touch live offers (eval, bench-facets, bench-search). A throw-away one has a scratch folder: closing it stops Qdrant
 * and deletes the folder; so does a SIGTERM, which runs shutdown hooks but not the command's finally blocks. A kept one
 * keeps its folder and collection, so that a long load can resume.
 */
final class CommandQdrant implements AutoCloseable {

    private final String name;
    private final Path dataDir;
    private final boolean throwAway;
    private final String collectionPrefix;
    private final PrintWriter err;
    private final AtomicReference<LocalInfrastructure> servers = new AtomicReference<>();
    private final Thread hook;

    private CommandQdrant(String name, Path dataDir, boolean throwAway, PrintWriter err) {
        this.name = name;
        this.dataDir = dataDir;
        this.throwAway = throwAway;
        String prefix = name.replace('-', '_');
        this.collectionPrefix =
                throwAway ? prefix + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() : prefix;
        this.err = err;
        this.hook = new Thread(this::cleanUp, name + "-cleanup");
    }

    /** @param name the command's name: in the scratch folder's, the collection prefix's and error messages */
    static CommandQdrant throwAway(String name, LocalSettings settings, PrintWriter err) {
        return start(new CommandQdrant(name, scratchDir(name), true, err), settings);
    }

    /** A Qdrant whose storage stays in {@code dataDir} and whose collection prefix is the command's name. */
    static CommandQdrant kept(String name, LocalSettings settings, Path dataDir, PrintWriter err) {
        return start(new CommandQdrant(name, dataDir, false, err), settings);
    }

    private static CommandQdrant start(CommandQdrant qdrant, LocalSettings settings) {
        Runtime.getRuntime().addShutdownHook(qdrant.hook);
        try {
            qdrant.servers.set(LocalInfrastructure.start(ownStorage(settings, qdrant.dataDir), false));
            return qdrant;
        } catch (RuntimeException e) {
            qdrant.close();
            throw e;
        }
    }

    /** The local Qdrant's folder (storage, pid file), or empty when an external Qdrant is configured. */
    Optional<Path> localDir(LocalSettings settings) {
        return settings.qdrantHost().isEmpty() ? Optional.of(dataDir.resolve("qdrant")) : Optional.empty();
    }

    /**
     * A context with everything {@code environment} was configured with, this Qdrant's address, a collection prefix
     * of its own and {@code overrides}. It is a CLI context, so the service's indexer (which reads PostgreSQL) is
     * absent.
     */
    ApplicationContext context(Environment environment, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(servers.get().properties());
        properties.put("jobmatch.qdrant.collection-prefix", collectionPrefix);
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
        if (throwAway) {
            delete(dataDir);
        }
    }

    /** Same settings as the service, but a local Qdrant gets storage and free ports of its own. */
    private static LocalSettings ownStorage(LocalSettings settings, Path dataDir) {
        return new LocalSettings(
                dataDir,
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
