package io.jobmatch.cli;

import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.local.LocalSettings;
import io.jobmatch.security.ApiKeys;
import io.jobmatch.security.SecuritySettings;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the service until the process is stopped, then stops it and the servers it started. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Starts the HTTP API (port 8080, MICRONAUT_SERVER_PORT overrides) with embedded PostgreSQL and "
                + "a local Qdrant unless external ones are configured; loads the sample offers.")
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Inject
    LocalSettings localSettings;

    @Inject
    SampleSettings samples;

    @Inject
    SecuritySettings security;

    @Option(names = "--no-samples", description = "Do not load the bundled sample offers.")
    boolean noSamples;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        // The samples are stored (and indexed) before the port opens, so no request sees a half-loaded sample set.
        RunningService service = RunningService.start(localSettings, generatedKeyUnlessConfigured(), context -> {
            if (samples.load() && !noSamples) {
                context.getBean(SampleOffersLoader.class).load();
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            stopped.countDown();
                        },
                        "jobmatch-shutdown"));
        LOG.info("jobmatch ready on {} in {} ms", service.server().getURL(), (System.nanoTime() - started) / 1_000_000);
        stopped.await();
        return 0;
    }

    /**
     * Writes are never open: without configured keys, one random key for every source, valid for this run only. It
     * is printed on standard output, not logged, so it never lands in a log file or a log shipper.
     */
    private Map<String, Object> generatedKeyUnlessConfigured() {
        if (security.configured()) {
            return Map.of();
        }
        String key = ApiKeys.generateKey();
        System.out.println(
                "No API key is configured; writes need this one, generated for this run (every source): " + key);
        System.out.println("Set real keys with JOBMATCH_API_KEYS=\"<key>:<source>[|<source>...],<key2>:*\" or "
                + "jobmatch.security.api-keys-file (see README, \"API keys\").");
        return Map.of("jobmatch.security.api-keys", key + ":*");
    }
}
