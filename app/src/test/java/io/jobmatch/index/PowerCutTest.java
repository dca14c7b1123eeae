package io.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobmatch.cli.JobmatchCommand;
import io.jobmatch.support.Api;
import io.jobmatch.support.TestServers;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut in the middle of a large ingest: {@code serve} runs in a process of its own, a client streams bulk
 * requests into it, and after the third acknowledged one the service's PostgreSQL (the postmaster and its backends),
 * its Qdrant and the service's JVM are all killed with SIGKILL, while the next request is in flight and the indexing
 * queue is far behind. A restart on the same data directory must then serve every acknowledged offer, index every
 * stored offer exactly once (one point per offer, no point without an offer) and leave nothing pending.
 */
class PowerCutTest {

    private static final Pattern READY = Pattern.compile("jobmatch ready on (http://\\S+)");
    private static final int PER_REQUEST = 50;
    /** More than the test lets through: the cut always comes in the middle of the stream. */
    private static final int REQUESTS = 40;

    private static final int CUT_AFTER = 4;

    @TempDir
    Path dataDir;

    private final List<Process> services = new ArrayList<>();

    @Test
    void everyAcknowledgedOfferSurvivesAndIsIndexedExactlyOnce() throws Exception {
        Service first = start();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> ingest(first.api(), acknowledged));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode before = first.api().getWithKey("/api/index/status").json();
        // The cut comes once some offers are indexed and others wait, while the next bulk request is in flight.
        while (acknowledged.size() < CUT_AFTER * PER_REQUEST
                || before.get("indexed").asLong() == 0) {
            assertTrue(System.nanoTime() < deadline && !stream.isDone(), "the bulk stream stopped early");
            Thread.sleep(50);
            before = first.api().getWithKey("/api/index/status").json();
        }
        assertTrue(before.get("pending").asLong() > 0, "the cut comes while indexing is behind: " + before);

        killHard(first);
        stream.handle((done, failure) -> null).get(60, TimeUnit.SECONDS);
        int acknowledgedAtCut = acknowledged.size();
        assertTrue(acknowledgedAtCut < REQUESTS * PER_REQUEST, "the stream was cut before its end");

        Service second = start();
        JsonNode status = awaitNothingPending(second.api());
        assertEquals(0, status.get("failed").asLong(), status.toString());
        for (String id : acknowledged) {
            assertEquals(200, second.api().get("/api/offers/" + id).status(), "acknowledged offer " + id);
        }
        Set<String> offers = offerIds(second);
        assertTrue(offers.containsAll(acknowledged), "every acknowledged offer is stored");
        assertEquals(offers.size(), status.get("offers").asLong());
        assertEquals(offers.size(), status.get("indexed").asLong());
        assertEquals(offers, pointIds(second), "one point per offer, and no point without an offer");
        System.out.printf(
                "power cut: %d offers acknowledged before the cut, %d indexed and %d pending just before it, %d stored"
                        + " after it%n",
                acknowledgedAtCut,
                before.get("indexed").asLong(),
                before.get("pending").asLong(),
                offers.size());

        second.process().destroy();
        assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the restarted service");
    }

    @AfterEach
    void killLeftovers() {
        services.forEach(Process::destroyForcibly);
    }

    private record Service(Process process, Api api, int postgresPort, int qdrantPort) {}

    /** Sends the bulk requests one after the other, recording the ids each acknowledged; stops at the first error. */
    private static void ingest(Api api, List<String> acknowledged) {
        for (int request = 0; request < REQUESTS; request++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < PER_REQUEST; i++) {
                int n = request * PER_REQUEST + i;
                String title = List.of("Welder", "Baker", "Nurse", "Pilot", "Cook", "Driver", "Mason", "Clerk")
                                .get(n % 8)
                        + " " + n;
                body.append("{\"source\": \"feed\", \"externalId\": \"cut-")
                        .append(n)
                        .append("\", \"title\": \"")
                        .append(title)
                        .append("\", \"description\": \"")
                        .append(title)
                        .append(" wanted in the harbour district. Shift ")
                        .append(n % 3)
                        .append(", team ")
                        .append(n)
                        .append(".\", \"language\": \"en\"}\n");
            }
            Api.Response response;
            try {
                response = api.post("/api/offers/bulk", "application/x-ndjson", body.toString());
            } catch (RuntimeException e) {
                return; // the service was killed while this request was in flight: it was not acknowledged
            }
            if (response.status() != 200) {
                return;
            }
            for (JsonNode result : response.json().get("results")) {
                assertEquals("CREATED", result.get("status").asText(), result.toString());
                acknowledged.add(result.get("id").asText());
            }
        }
    }

    /** SIGKILL to PostgreSQL (postmaster and backends), Qdrant and the service, in the same instant. */
    private void killHard(Service service) throws IOException, InterruptedException {
        ProcessHandle postgres = running(dataDir.resolve("postgres/postmaster.pid"));
        ProcessHandle qdrant = running(dataDir.resolve("qdrant/qdrant.pid"));
        List<ProcessHandle> victims = new ArrayList<>(postgres.descendants().toList());
        victims.add(postgres);
        victims.add(qdrant);
        victims.add(service.process().toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            try {
                victim.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("pid " + victim.pid() + " survived SIGKILL", e);
            }
        }
        assertEquals(137, service.process().waitFor(), "the service died of SIGKILL");
    }

    private Service start() throws IOException {
        int postgresPort = freePort();
        int qdrantPort = freePort();
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
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("JOBMATCH_") || name.startsWith("DATASOURCES_"));
        environment.put("JOBMATCH_DATA_DIR", dataDir.toString());
        environment.put("MICRONAUT_SERVER_PORT", "-1");
        environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        environment.put(
                "JOBMATCH_MODEL_DIR",
                TestServers.repositoryRoot().resolve("models").toString());
        environment.put("JOBMATCH_QDRANT_BINARY", TestServers.qdrantBinary().toString());
        environment.put("JOBMATCH_POSTGRES_PORT", Integer.toString(postgresPort));
        environment.put("JOBMATCH_QDRANT_LOCAL_GRPC_PORT", Integer.toString(qdrantPort));
        environment.put("JOBMATCH_API_KEYS", TestServers.API_KEY + ":*");
        // The killed service's claimed tasks are free again soon after the restart.
        environment.put("JOBMATCH_INDEX_LEASE", "5s");
        environment.put("JOBMATCH_INDEX_BATCH_SIZE", "16");
        // One model call per offer instead of one per passage too: the queue is under test here, not the passages.
        environment.put("JOBMATCH_INDEX_PASSAGES_ENABLED", "false");
        Process process = builder.start();
        services.add(process);
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, url), "serve-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            Api api = new Api(URI.create(url.get(180, TimeUnit.SECONDS)).toURL()).withoutIndexWait();
            return new Service(process, api, postgresPort, qdrantPort);
        } catch (Exception e) {
            throw new AssertionError("serve did not get ready within 180 s", e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<String> url) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[serve " + process.pid() + "] " + line);
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

    private static JsonNode awaitNothingPending(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode status = api.getWithKey("/api/index/status").json();
        while (status.get("pending").asLong() > 0) {
            assertTrue(System.nanoTime() < deadline, "still pending 3 minutes after the restart: " + status);
            Thread.sleep(200);
            status = api.getWithKey("/api/index/status").json();
        }
        return status;
    }

    private static Set<String> offerIds(Service service) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from offer")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static Set<String> pointIds(Service service) throws Exception {
        try (QdrantClient qdrant =
                new QdrantClient(QdrantGrpcClient.newBuilder("127.0.0.1", service.qdrantPort(), false)
                        .build())) {
            List<String> collections = qdrant.listCollectionsAsync().get();
            assertEquals(1, collections.size(), "one collection: " + collections);
            Set<String> ids = new HashSet<>();
            for (RetrievedPoint point : qdrant.scrollAsync(ScrollPoints.newBuilder()
                            .setCollectionName(collections.get(0))
                            .setLimit(100_000)
                            .setWithPayload(WithPayloadSelectorFactory.enable(false))
                            .build())
                    .get()
                    .getResultList()) {
                assertTrue(ids.add(point.getId().getUuid()), "one point per id");
            }
            assertEquals(ids.size(), qdrant.countAsync(collections.get(0)).get());
            return ids;
        }
    }

    private static ProcessHandle running(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertTrue(process.isAlive(), pidFile + " names a running process");
        return process;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
