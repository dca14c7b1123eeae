package io.jobmatch.cli;

import io.micronaut.configuration.picocli.PicocliRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code ./jobmatch} command line: one subcommand per task (serve, and more as they come). */
@Command(
        name = "jobmatch",
        mixinStandardHelpOptions = true,
        version = "jobmatch 0.1.0",
        description = "Multilingual semantic job matching: offers in, \"jobs like my CV\" out.",
        subcommands = {
            ServeCommand.class,
            BenchEmbedCommand.class,
            EvalCommand.class,
            BenchFacetsCommand.class,
            BenchServeCommand.class,
            BenchLoadCommand.class,
            BenchSearchCommand.class,
            BenchIngestCommand.class,
            ImportCommand.class
        })
public class JobmatchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(PicocliRunner.execute(JobmatchCommand.class, args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
