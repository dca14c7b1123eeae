package io.jobmatch.index;

import io.jobmatch.local.LocalQdrantServer;
import io.jobmatch.support.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Qdrant process of a test's own, which the test stops and starts again on the same storage and ports, for
 * the outages the shared test Qdrant must not have.
 */
final class StoppableQdrant implements AutoCloseable {

    private final Path storage;
    private final int httpPort;
    private final int grpcPort;
    private LocalQdrantServer server;

    StoppableQdrant() {
        try {
            storage = Files.createTempDirectory("jobmatch-stoppable-qdrant");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        httpPort = freePort();
        grpcPort = freePort();
        start();
    }

    /** A test's isolated properties, with this Qdrant as the service's and a short Qdrant deadline. */
    Map<String, String> serviceProperties(String testName) {
        Map<String, String> properties = new HashMap<>(TestServers.isolatedProperties(testName));
        properties.put("jobmatch.qdrant.host", "127.0.0.1");
        properties.put("jobmatch.qdrant.port", Integer.toString(grpcPort));
        properties.put("jobmatch.qdrant.timeout", "3s");
        return properties;
    }

    void start() {
        server = LocalQdrantServer.start(TestServers.qdrantBinary(), storage, httpPort, grpcPort);
    }

    void stop() {
        server.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
