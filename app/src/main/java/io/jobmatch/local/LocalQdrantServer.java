package io.jobmatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Qdrant server process bound to 127.0.0.1, its storage under the data directory; started and stopped with
 * the service so a fresh machine needs no Docker.
 */
public final class LocalQdrantServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalQdrantServer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final String PID_FILE = "qdrant.pid";

    private final Process process;
    private final Path directory;
    private final int httpPort;
    private final int grpcPort;

    private LocalQdrantServer(Process process, Path directory, int httpPort, int grpcPort) {
        this.process = process;
        this.directory = directory;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    /**
     * Stops a Qdrant that a dead jobmatch left running on this directory, found through the pid file written at
     * start: two Qdrant processes must never share one storage. Call only under the data-dir lock.
     */
    static void clearLeftover(Path directory) {
        LeftoverServer.clear(directory.resolve(PID_FILE), LeftoverServer.runsIn("qdrant", directory), "Qdrant");
    }

    public static LocalQdrantServer start(Path binary, Path directory, int httpPort, int grpcPort) {
        Path verified = QdrantBinary.verified(binary);
        int http = httpPort > 0 ? httpPort : freePort();
        int grpc = grpcPort > 0 ? grpcPort : freePort();
        try {
            Files.createDirectories(directory.resolve("storage"));
            ProcessBuilder builder = new ProcessBuilder(verified.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("qdrant.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QDRANT__SERVICE__HOST", "127.0.0.1");
            env.put("QDRANT__SERVICE__HTTP_PORT", Integer.toString(http));
            env.put("QDRANT__SERVICE__GRPC_PORT", Integer.toString(grpc));
            env.put(
                    "QDRANT__STORAGE__STORAGE_PATH",
                    directory.resolve("storage").toString());
            env.put(
                    "QDRANT__STORAGE__SNAPSHOTS_PATH",
                    directory.resolve("snapshots").toString());
            env.put("QDRANT__TELEMETRY_DISABLED", "true");
            Process process = builder.start();
            Files.writeString(directory.resolve(PID_FILE), Long.toString(process.pid()));
            ServerWatchdog.watch(process.pid(), "TERM", "Qdrant");
            LocalQdrantServer server = new LocalQdrantServer(process, directory, http, grpc);
            server.awaitReady(directory);
            LOG.info(
                    "Local Qdrant {} started (gRPC {}, HTTP {}) with storage in {}",
                    QdrantBinary.VERSION,
                    grpc,
                    http,
                    directory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Qdrant from " + verified, e);
        }
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Map<String, Object> properties() {
        return Map.of("jobmatch.qdrant.host", "127.0.0.1", "jobmatch.qdrant.port", grpcPort);
    }

    private void awaitReady(Path directory) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Qdrant exited with code " + process.exitValue() + "; see " + directory.resolve("qdrant.log"));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("Qdrant was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s; see "
                + directory.resolve("qdrant.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(directory.resolve(PID_FILE));
        } catch (IOException e) {
            LOG.warn("Could not remove {}", directory.resolve(PID_FILE), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for Qdrant", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
