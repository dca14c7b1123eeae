package io.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.support.Api;
import io.jobmatch.support.TestServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobmatch serve} in a process of its own, killed the hard way. A SIGKILL runs no shutdown hook, so only the
 * watchdogs can stop its PostgreSQL and Qdrant; when the watchdogs are killed too, the next start finds the servers
 * left behind on its data directory and stops them before starting its own. Every restart serves the data the
 * killed one stored. No API key is configured, so each start generates one and prints it once: writes use it.
 */
class KilledServiceTest {

    private static final Pattern READY = Pattern.compile("jobmatch ready on (http://\\S+)");
    private static final Pattern GENERATED_KEY = Pattern.compile("generated for this run \\(every source\\): (\\S+)");

    @TempDir
    Path dataDir;

    private final List<Process> services = new ArrayList<>();

    @Test
    void aKilledServiceLeavesNoServerBehindAndItsDataDirectoryStartsAgain() throws Exception {
        Service first = start();
        Api.Response keyless = first.api.withKey(null).post("/api/offers", "{}");
        assertEquals(401, keyless.status(), "writes are never open: " + keyless.body());
        Api.Response created = first.api.post(
                "/api/offers",
                "{\"externalId\": \"killed-1\", \"title\": "
                        + "\"Lighthouse keeper\", \"description\": \"Keep the light on the island.\", \"language\": \"en\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        ProcessHandle firstQdrant = qdrant();
        ProcessHandle firstPostgres = postgres();

        kill(first.process);

        assertStopsWithin(firstQdrant, 20, "Qdrant of the killed service (its watchdog stops it)");
        assertStopsWithin(firstPostgres, 20, "PostgreSQL of the killed service (its watchdog stops it)");

        Service second = start();
        assertEquals(200, second.api.get("/api/offers/" + id).status(), "the offer stored before the kill is kept");
        ProcessHandle secondQdrant = qdrant();
        ProcessHandle secondPostgres = postgres();
        List<ProcessHandle> watchdogs = second.process
                .descendants()
                .filter(p ->
                        p.info().arguments().map(List::of).orElse(List.of()).contains("jobmatch-watchdog"))
                .toList();
        assertEquals(2, watchdogs.size(), "one watchdog per server");

        watchdogs.forEach(ProcessHandle::destroyForcibly);
        kill(second.process);
        Thread.sleep(3_000);
        assertTrue(
                secondQdrant.isAlive() && secondPostgres.isAlive(),
                "with the watchdogs killed too, the servers are left behind");

        Service third = start();
        assertFalse(secondQdrant.isAlive(), "the next start stopped the Qdrant left behind");
        assertFalse(secondPostgres.isAlive(), "the next start stopped the PostgreSQL left behind");
        assertEquals(200, third.api.get("/health").status());
        assertEquals(200, third.api.get("/api/offers/" + id).status());
        IllegalStateException inUse = assertThrows(
                IllegalStateException.class,
                () -> LocalInfrastructure.start(
                        new LocalSettings(
                                dataDir, Optional.empty(), 0, Optional.empty(), TestServers.qdrantBinary(), 0, 0),
                        true));
        assertTrue(
                inUse.getMessage().contains("in use by another jobmatch (pid " + third.process.pid() + ")"),
                inUse.getMessage());
        ProcessHandle thirdQdrant = qdrant();
        ProcessHandle thirdPostgres = postgres();

        third.process.destroy();
        assertTrue(third.process.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the service");
        assertStopsWithin(thirdQdrant, 20, "Qdrant after SIGTERM");
        assertStopsWithin(thirdPostgres, 20, "PostgreSQL after SIGTERM");
    }

    @AfterEach
    void killLeftovers() {
        services.forEach(Process::destroyForcibly);
    }

    /** A started service; {@code api} writes with the key it generated. */
    private record Service(Process process, Api api) {}

    /** Starts {@code serve} as {@code ./jobmatch} would, with this test JVM's java and classpath. */
    private Service start() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx320m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        JobmatchCommand.class.getName(),
                        "serve",
                        "--no-samples")
                .redirectErrorStream(true);
        builder.environment().put("JOBMATCH_DATA_DIR", dataDir.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", "-1");
        builder.environment()
                .put(
                        "JOBMATCH_MODEL_DIR",
                        TestServers.repositoryRoot().resolve("models").toString());
        builder.environment()
                .put("JOBMATCH_QDRANT_BINARY", TestServers.qdrantBinary().toString());
        Process process = builder.start();
        services.add(process);
        CompletableFuture<String> url = new CompletableFuture<>();
        CompletableFuture<String> key = new CompletableFuture<>();
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readOutput(process, url, key, output), "serve-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            Api api = new Api(URI.create(url.get(120, TimeUnit.SECONDS)).toURL());
            String generated = key.getNow(null);
            assertTrue(generated != null && generated.length() >= 40, "serve printed a generated key: " + output);
            assertEquals(
                    1,
                    output.stream().filter(line -> line.contains(generated)).count(),
                    "the generated key is printed once and never logged");
            return new Service(process, api.withKey(generated));
        } catch (Exception e) {
            throw new AssertionError("serve did not get ready within 120 s", e);
        }
    }

    /**
     * Echoes the child's log into this test's output, keeps it in {@code output}, completes {@code key} with the
     * generated API key and {@code url} when the service is ready.
     */
    private static void readOutput(
            Process process, CompletableFuture<String> url, CompletableFuture<String> key, List<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[serve " + process.pid() + "] " + line);
                output.add(line);
                Matcher generated = GENERATED_KEY.matcher(line);
                if (generated.find()) {
                    key.complete(generated.group(1));
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    url.complete(ready.group(1));
                }
            }
            url.completeExceptionally(new IllegalStateException("serve exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            url.completeExceptionally(e);
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }

    private ProcessHandle qdrant() {
        return running(dataDir.resolve("qdrant/qdrant.pid"));
    }

    private ProcessHandle postgres() {
        return running(dataDir.resolve("postgres/postmaster.pid"));
    }

    private static ProcessHandle running(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            assertTrue(process.isAlive(), pidFile + " names a running process");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertStopsWithin(ProcessHandle process, int seconds, String what) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(what + " (pid " + process.pid() + ") still runs after " + seconds + " s", e);
        }
    }
}
