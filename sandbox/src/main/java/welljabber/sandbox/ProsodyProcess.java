package welljabber.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * One running {@code prosody --config <file> -F} process: launching it, waiting until it listens,
 * and signalling it.
 */
final class ProsodyProcess {

    /** Prosody logs this (at error level) when a port is taken; we then pick other ports. */
    static final String PORT_TAKEN = "Failed to open server port";

    /** The listeners are bound and reachable, but another process took one of our ports first. */
    static final class PortTakenException extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    private final Process process;
    private final ProsodyLayout layout;
    private volatile boolean paused;

    private ProsodyProcess(Process process, ProsodyLayout layout) {
        this.process = process;
        this.layout = layout;
    }

    /** Starts Prosody in the foreground with the layout's configuration; output goes to the console file. */
    static ProsodyProcess launch(Path prosody, ProsodyLayout layout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(prosody.toString(), "--config", layout.configFile().toAbsolutePath().toString(), "-F")
                .directory(layout.folder().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        Logger.debug("Started Prosody (pid {}) with {}", process.pid(), layout.configFile());
        return new ProsodyProcess(process, layout);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isPaused() {
        return paused && process.isAlive();
    }

    /**
     * Waits until Prosody has logged that it listens on every expected port, each port accepts a
     * connection and the process is still alive.
     *
     * @param logOffset where this run's part of the log file starts (the log is appended to on restarts)
     * @throws PortTakenException if Prosody could not bind a port (another process was faster)
     * @throws ProsodyStartException if Prosody exited or did not become ready in time (it is then stopped)
     */
    void awaitReady(String host, ProsodyPorts ports, Duration timeout, long logOffset, long consoleOffset)
            throws PortTakenException {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("c2s", ports.c2s());
        if (ports.directTls() > 0) {
            expected.put("c2s_direct_tls", ports.directTls());
        }
        if (ports.http() > 0) {
            expected.put("http", ports.http());
        }
        if (ports.component() > 0) {
            expected.put("component", ports.component());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String log;
            try {
                log = LogTail.from(layout.logFile(), logOffset);
            } catch (IOException e) {
                log = "";
            }
            if (log.contains(PORT_TAKEN)) {
                throw new PortTakenException(log.lines().filter(l -> l.contains(PORT_TAKEN)).findFirst().orElse(PORT_TAKEN));
            }
            if (!process.isAlive()) {
                throw new ProsodyStartException("Prosody exited with code " + process.exitValue() + " while starting",
                        tail(logOffset, consoleOffset));
            }
            if (allActivated(log, host, expected) && allAccept(host, expected.values())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String tail = tail(logOffset, consoleOffset);
                kill();
                throw new ProsodyStartException("Prosody did not listen on " + expected + " within " + timeout, tail);
            }
            sleep(10);
        }
    }

    /** The end of this run's log and console output, for error messages. */
    String tail(long logOffset, long consoleOffset) {
        String log = "";
        String console = "";
        try {
            log = LogTail.lastLines(LogTail.from(layout.logFile(), logOffset), 40);
            console = LogTail.lastLines(LogTail.from(layout.consoleFile(), consoleOffset), 20);
        } catch (IOException e) {
            log = "(log not readable: " + e.getMessage() + ")";
        }
        List<String> parts = new ArrayList<>();
        if (!log.isBlank()) {
            parts.add(log);
        }
        if (!console.isBlank()) {
            parts.add("--- console ---\n" + console);
        }
        return String.join("\n", parts);
    }

    /** SIGTERM (Prosody closes client streams cleanly), wait, then SIGKILL if it is still there. */
    void terminate(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (paused) {
            signal("CONT"); // a stopped process only acts on SIGTERM once it runs again
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("Prosody (pid {}) did not stop within {}; killing it", process.pid(), grace);
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        paused = false;
    }

    /** SIGKILL: the server vanishes at once, as in a crash; connections are reset by the kernel. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
    }

    /** SIGSTOP: the server hangs (sockets stay open, nothing is answered). */
    void pause() {
        if (process.isAlive() && !paused) {
            signal("STOP");
            paused = true;
        }
    }

    /** SIGCONT after {@link #pause()}. */
    void resume() {
        if (process.isAlive() && paused) {
            signal("CONT");
            paused = false;
        }
    }

    private void signal(String name) {
        try {
            CommandRunner.run(List.of(Executables.find("kill").map(Path::toString).orElse("kill"), "-" + name,
                    Long.toString(process.pid())), Duration.ofSeconds(5)).orThrow();
        } catch (IOException e) {
            throw new IllegalStateException("Could not send SIG" + name + " to Prosody (pid " + process.pid() + ")", e);
        }
    }

    private static boolean allActivated(String log, String host, Map<String, Integer> expected) {
        for (Map.Entry<String, Integer> service : expected.entrySet()) {
            String line = "Activated service '" + service.getKey() + "' on [" + host + "]:" + service.getValue();
            int at = log.indexOf(line);
            if (at < 0) {
                return false;
            }
            int after = at + line.length();
            if (after < log.length() && Character.isDigit(log.charAt(after))) {
                return false; // port 2522 must not match a line for 25222
            }
        }
        return true;
    }

    private static boolean allAccept(String host, Iterable<Integer> ports) {
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProsodyStartException("Interrupted while waiting for Prosody", "", e);
        }
    }
}
