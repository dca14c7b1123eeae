package io.jobmatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local server that an earlier jobmatch left running on this data directory (it died, and its watchdog with it),
 * found through the server's pid file. Only called while holding the {@link DataDirLock}: then no live jobmatch
 * uses the directory, so a server running on it is nobody's, and a pid file is stale.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private LeftoverServer() {}

    /**
     * Stops the process named by {@code pidFile} when it is alive and {@code ours} recognises it as this directory's
     * server, then deletes the pid file: a pid reused by an unrelated process would otherwise stop the next start.
     */
    static void clear(Path pidFile, Predicate<ProcessHandle> ours, String what) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> leftover =
                ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).filter(ours);
        if (leftover.isPresent()) {
            LOG.warn(
                    "{} (pid {}) was left running on {} by a jobmatch that died; stopping it",
                    what,
                    pid.getAsLong(),
                    pidFile.getParent());
            stop(leftover.get());
        } else {
            LOG.info("Removing the stale pid file {} (pid {} is not running it)", pidFile, pid.getAsLong());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the stale pid file " + pidFile, e);
        }
    }

    /** Whether the process runs {@code executableName} with {@code directory} among its arguments. */
    static Predicate<ProcessHandle> runsOn(String executableName, Path directory) {
        Path wanted = directory.toAbsolutePath().normalize();
        return process -> runs(process, executableName)
                && process.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.startsWith("/")
                                && Path.of(argument).normalize().equals(wanted));
    }

    /** Whether the process runs {@code executableName} in {@code directory}. */
    static Predicate<ProcessHandle> runsIn(String executableName, Path directory) {
        Path wanted = directory.toAbsolutePath().normalize();
        return process -> runs(process, executableName)
                && workingDirectory(process).map(wanted::equals).orElse(false);
    }

    private static boolean runs(ProcessHandle process, String executableName) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/" + executableName))
                .orElse(false);
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong readPid(Path pidFile) {
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Unreadable pid file {} ({}); ignoring it", pidFile, e.getMessage());
            return OptionalLong.empty();
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a leftover server", e);
        }
    }
}
