package io.jobmatch.cli;

import io.jobmatch.security.ApiKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code jobmatch serve} in a process of its own, on a private data directory and a free loopback port, started with
 * this JVM's own flags and class path (so the launcher's memory flags apply, and startup is a real one). Closing
 * stops it with SIGTERM, as an operator would, and deletes the data directory.
 */
final class ServiceProcess implements AutoCloseable {

    private final ProcessBuilder builder;
    private final Path dataDir;
    private final int port;
    private final String apiKey;
    private Process process;
    private long startedNanos;

    private ServiceProcess(ProcessBuilder builder, Path dataDir, int port, String apiKey) {
        this.builder = builder;
        this.dataDir = dataDir;
        this.port = port;
        this.apiKey = apiKey;
    }

    /**
     * Starts {@code serve} (with the sample offers, its own embedded PostgreSQL and local Qdrant whatever this
     * process is configured with) and returns at once; {@link #startedNanos()} is taken just before.
     */
    static ServiceProcess start(String name, Path modelDir, Path qdrantBinary) {
        return start(name, modelDir, qdrantBinary, Map.of());
    }

    /** As {@link #start(String, Path, Path)}, with these environment variables set too (settings of this run). */
    static ServiceProcess start(String name, Path modelDir, Path qdrantBinary, Map<String, String> settings) {
        try {
            Path dataDir = Files.createTempDirectory("jobmatch-" + name);
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(flag -> !flag.startsWith("-agentlib:jdwp"))
                    .map(ServiceProcess::serveArchive)
                    .forEach(command::add);
            command.addAll(
                    List.of("-cp", System.getProperty("java.class.path"), JobmatchCommand.class.getName(), "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment
                    .keySet()
                    .removeIf(variable -> variable.startsWith("DATASOURCES_")
                            || variable.startsWith("JOBMATCH_QDRANT_")
                            || variable.startsWith("JOBMATCH_POSTGRES_"));
            environment.put("JOBMATCH_MODEL_DIR", modelDir.toAbsolutePath().toString());
            environment.put(
                    "JOBMATCH_QDRANT_BINARY", qdrantBinary.toAbsolutePath().toString());
            environment.put("JOBMATCH_DATA_DIR", dataDir.toString());
            environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
            // A key of this run's own, so the service neither prints a generated one nor takes the caller's keys.
            String apiKey = ApiKeys.generateKey();
            environment.put("JOBMATCH_API_KEYS", apiKey + ":*");
            environment.putAll(settings);
            ServiceProcess service = new ServiceProcess(builder, dataDir, port, apiKey);
            service.launch();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the service as an operator would and starts it again on the same data directory and port, as a restart
     * or a deploy does: what it stored and indexed is there. Returns at once; {@link #startedNanos()} is the new
     * start's.
     */
    void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        // Appended to, so a restart keeps the first run's lines for logTail.
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("serve.log").toFile()));
        startedNanos = System.nanoTime();
        process = builder.start();
    }

    /** A key that may write every source of this service. */
    String apiKey() {
        return apiKey;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to 5 minutes for readiness: samples stored and the index caught up. */
    void awaitReady(LoopbackClient client, PrintWriter err) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("serve exited:\n" + logTail(40));
            }
            try {
                if (client.get("/health/readiness").status() == 200) {
                    err.println("service ready");
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // The port opens once the samples are stored.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("service not ready within 5 min:\n" + logTail(40));
    }

    /** The last lines the service logged, to say why it did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dataDir.resolve("serve.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The launcher gives each command a class-data archive of its own; the service gets the one {@code ./jobmatch
     * serve} uses, so its startup is the one an operator sees, and this command's archive stays this command's.
     */
    private static String serveArchive(String flag) {
        String option = "-XX:SharedArchiveFile=";
        return flag.startsWith(option)
                ? option + Path.of(flag.substring(option.length())).resolveSibling("serve.jsa")
                : flag;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
