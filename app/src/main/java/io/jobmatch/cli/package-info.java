/**
 * The {@code ./jobmatch} command line (picocli through micronaut-picocli). Entry point:
 * {@link io.jobmatch.cli.JobmatchCommand}; each subcommand builds only the context it needs.
 */
package io.jobmatch.cli;
