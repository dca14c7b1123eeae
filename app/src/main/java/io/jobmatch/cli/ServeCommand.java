package io.jobmatch.cli;

import io.jobmatch.ingest.SampleOffersLoader;
import io.jobmatch.local.LocalInfrastructure;
import io.jobmatch.local.LocalSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the service. PostgreSQL and Qdrant are started first (unless external ones are configured), because the
 * service's context is built with the addresses they get; then the sample offers are loaded.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the HTTP API (port 8080, MICRONAUT_SERVER_PORT overrides) with embedded PostgreSQL and "
                + "a local Qdrant unless external ones are configured; loads the sample offers.")
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Inject
    Environment environment;

    @Option(names = "--no-samples", description = "Do not load the bundled sample offers.")
    boolean noSamples;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        LocalInfrastructure infrastructure = LocalInfrastructure.start(LocalSettings.from(environment), true);
        ApplicationContext service;
        try {
            service = Micronaut.build(new String[0]).properties(infrastructure.properties()).start();
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            infrastructure.close();
            stopped.countDown();
        }, "jobmatch-shutdown"));
        boolean loadSamples = !noSamples && service.getProperty("jobmatch.samples.load", Boolean.class).orElse(true);
        if (loadSamples) {
            service.getBean(SampleOffersLoader.class).load();
        }
        LOG.info("jobmatch ready on {} in {} ms", service.getBean(EmbeddedServer.class).getURL(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
        return 0;
    }
}
