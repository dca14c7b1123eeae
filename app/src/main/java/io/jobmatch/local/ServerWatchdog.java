package io.jobmatch.local;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server that this JVM started from outliving it. A JVM killed with SIGKILL or crashed in native code runs no
 * shutdown hook, and the server, reparented to init, would run on with its ports and its data directory. A small
 * POSIX shell process polls this JVM once a second and, once the JVM is gone, sends the server its shutdown signal,
 * then SIGKILL after a grace period; it exits by itself when the server stops first. It ignores INT, TERM and HUP, so
 * a Ctrl-C or hang-up that reaches the whole process group still leaves it to clean up after the JVM.
 */
final class ServerWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final int GRACE_SECONDS = 30;

    /** Arguments: JVM pid, server pid, stop signal, grace seconds. A zombie (state Z) counts as gone. */
    private static final String SCRIPT = """
            trap '' INT TERM HUP
            alive() {
              [ -r "/proc/$1/stat" ] || return 1
              read -r stat < "/proc/$1/stat" 2>/dev/null || return 1
              stat=${stat##*) }
              [ "${stat%% *}" != Z ]
            }
            while alive "$1"; do
              alive "$2" || exit 0
              sleep 1
            done
            alive "$2" || exit 0
            kill -s "$3" "$2" 2>/dev/null || exit 0
            waited=0
            while alive "$2" && [ "$waited" -lt "$4" ]; do
              sleep 1
              waited=$((waited + 1))
            done
            alive "$2" && kill -s KILL "$2" 2>/dev/null
            exit 0
            """;

    private ServerWatchdog() {}

    /**
     * @param serverPid  the server's process id
     * @param stopSignal the signal that shuts it down cleanly ({@code TERM}; {@code INT} for PostgreSQL's fast mode)
     */
    static void watch(long serverPid, String stopSignal, String what) {
        try {
            new ProcessBuilder(
                            "sh",
                            "-c",
                            SCRIPT,
                            "jobmatch-watchdog",
                            Long.toString(ProcessHandle.current().pid()),
                            Long.toString(serverPid),
                            stopSignal,
                            Integer.toString(GRACE_SECONDS))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // The server still runs and is stopped on a normal exit; only a crash would leave it behind.
            LOG.warn(
                    "No watchdog for {} (pid {}): it would outlive a crash of this JVM ({})",
                    what,
                    serverPid,
                    e.getMessage());
        }
    }
}
