package welljabber.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.tinylog.Logger;

/**
 * A throwaway Prosody XMPP server on 127.0.0.1 for the domain {@code localhost}, with everything
 * (configuration, data, certificate, pid file, log, admin socket) in one temporary folder.
 *
 * <pre>{@code
 * try (ProsodyServer server = ProsodyOptions.builder().account("alice", "secret").start()) {
 *     XMPPTCPConnection alice = new XMPPTCPConnection(
 *             LoopbackConnections.builder(server, "alice", "secret").build());
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} picks free loopback ports, writes the configuration, registers the accounts,
 * writes the pre-seeded rosters and generates the certificate, then starts Prosody and waits until
 * it listens. {@link #kill()}, {@link #terminate()} and {@link #pause()} take the server away while
 * keeping its ports and data; {@link #restart()} brings it back on the same ports with the same data.
 * {@link #stop()} (also {@link #close()}) ends it and deletes the folder.
 */
public final class ProsodyServer implements AutoCloseable {

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** The XMPP domain of the virtual host. */
    public static final String DOMAIN = "localhost";
    /** The MUC component's domain. */
    public static final String MUC_DOMAIN = "conference.localhost";
    /** The HTTP upload component's domain. */
    public static final String UPLOAD_DOMAIN = "upload.localhost";

    static final String CERTIFICATE_NAME = "localhost";

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 5;

    private enum State { NEW, RUNNING, DOWN, STOPPED }

    private final ProsodyOptions options;
    private State state = State.NEW;
    private ProsodyLayout layout;
    private ProsodyPorts ports;
    private SelfSignedCertificate certificate;
    private ProsodyProcess process;
    private ProsodyCtl prosodyctl;
    private Thread shutdownHook;
    private OwnerWatchdog.Owner owner;

    public ProsodyServer(ProsodyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Creates a server with these options and starts it. */
    public static ProsodyServer start(ProsodyOptions options) {
        return new ProsodyServer(options).start();
    }

    /**
     * Prepares the folder and starts Prosody; returns when it accepts connections.
     *
     * @throws ProsodyStartException if Prosody is not installed, fails to start (the message carries
     *                               the end of its log) or does not listen within the start timeout
     */
    public synchronized ProsodyServer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start() may be called once; use restart() to bring a server back");
        }
        Path prosody = ProsodyInstallation.prosodyExecutable().orElse(null);
        Path ctl = ProsodyInstallation.prosodyctlExecutable().orElse(null);
        if (prosody == null || ctl == null) {
            throw new ProsodyStartException("Prosody is not installed (prosody/prosodyctl not found on PATH or in /usr/bin). "
                    + "Install it with: " + ProsodyInstallation.INSTALL_HINT + " (as root)", "");
        }
        long began = System.nanoTime();
        try {
            layout = new ProsodyLayout(Files.createTempDirectory("welljabber-prosody-"));
            layout.createDirectories(DOMAIN);
            installShutdownHook();
            prosodyctl = new ProsodyCtl(ctl, layout.configFile());
            long ownerPid = options.ownerPid() > 0 ? options.ownerPid() : ProcessHandle.current().pid();
            owner = OwnerWatchdog.describe(ownerPid).orElse(null);
            if (owner != null) {
                OwnerWatchdog.writePlugin(layout.pluginDirectory());
            }
            ports = ProsodyPorts.pick(options);
            writeConfig();
            prepareInParallel();
            for (int attempt = 1; ; attempt++) {
                try {
                    launch(prosody);
                    break;
                } catch (ProsodyProcess.PortTakenException taken) {
                    process.terminate(STOP_GRACE);
                    if (attempt == PORT_ATTEMPTS) {
                        throw new ProsodyStartException("Prosody could not bind free ports after " + attempt + " attempts: "
                                + taken.getMessage(), tail());
                    }
                    Logger.debug("Port race ({}); picking other ports", taken.getMessage());
                    ports = ProsodyPorts.pick(options);
                    writeConfig();
                }
            }
            state = State.RUNNING;
            Logger.info("Prosody (pid {}) ready on {}:{} in {} ms ({})", process.pid(), HOST, ports.c2s(),
                    (System.nanoTime() - began) / 1_000_000, layout.folder());
            return this;
        } catch (IOException e) {
            String tail = layout == null ? "" : tail();
            cleanUpAfterFailedStart();
            throw new ProsodyStartException("Could not prepare the throwaway Prosody server: " + e.getMessage(), tail, e);
        } catch (RuntimeException e) {
            cleanUpAfterFailedStart();
            throw e;
        }
    }

    /**
     * Brings the server back after {@link #kill()}, {@link #terminate()} or {@link #pause()}, on the
     * same ports and with the same data (a running server is terminated first).
     *
     * @throws ProsodyStartException if it does not come back, for example because a port was taken meanwhile
     */
    public synchronized ProsodyServer restart() {
        requireStarted();
        if (process != null && process.isAlive()) {
            process.terminate(STOP_GRACE);
        }
        try {
            launch(ProsodyInstallation.prosodyExecutable().orElseThrow());
        } catch (ProsodyProcess.PortTakenException taken) {
            process.terminate(STOP_GRACE);
            state = State.DOWN;
            throw new ProsodyStartException("Prosody could not get its ports back: " + taken.getMessage(), tail());
        } catch (RuntimeException e) {
            state = State.DOWN;
            throw e;
        }
        state = State.RUNNING;
        Logger.info("Prosody (pid {}) back on {}:{}", process.pid(), HOST, ports.c2s());
        return this;
    }

    /** Ends the server abruptly (SIGKILL), as in a crash; ports and data are kept for {@link #restart()}. */
    public synchronized void kill() {
        requireStarted();
        if (process != null) {
            process.kill();
        }
        state = State.DOWN;
    }

    /** Stops the server cleanly (SIGTERM: clients get a stream end); ports and data are kept for {@link #restart()}. */
    public synchronized void terminate() {
        requireStarted();
        if (process != null) {
            process.terminate(STOP_GRACE);
        }
        state = State.DOWN;
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung server. */
    public synchronized void pause() {
        requireRunning();
        process.pause();
    }

    /** Lets a {@link #pause() paused} server run again (SIGCONT). */
    public synchronized void resume() {
        requireRunning();
        process.resume();
    }

    /** Stops Prosody (SIGTERM, then SIGKILL if needed) and deletes the folder. Idempotent. */
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        if (process != null) {
            process.terminate(STOP_GRACE);
        }
        deleteFolder();
        removeShutdownHook();
        state = State.STOPPED;
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the Prosody process is up (it may be {@link #pause() paused}). */
    public synchronized boolean isRunning() {
        return state == State.RUNNING && process != null && process.isAlive();
    }

    /** Whether the server is {@link #pause() paused}. */
    public synchronized boolean isPaused() {
        return isRunning() && process.isPaused();
    }

    /**
     * Creates an account (or sets a new password for an existing one), with the server running or
     * not. Takes 50–100 ms ({@code prosodyctl}).
     */
    public void registerAccount(String user, String password) {
        requireStarted();
        try {
            prosodyctl.register(ProsodyNames.normalizeUser(user), DOMAIN, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes an account. */
    public void deleteAccount(String user) {
        requireStarted();
        try {
            prosodyctl.deleteUser(ProsodyNames.normalizeUser(user), DOMAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces a user's stored roster. Prosody reads it at the user's next login, so do this while
     * the user is offline (or before start, with {@link ProsodyOptions.Builder#roster}).
     */
    public void writeRoster(String user, Collection<RosterEntry> entries, Collection<String> pendingIn) {
        requireStarted();
        try {
            RosterFile.write(layout.dataDirectory(), DOMAIN, user, entries, pendingIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what clients need ------------------------------------------------------------------

    /** Always {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** Always {@value #DOMAIN}. */
    public String domain() {
        return DOMAIN;
    }

    /** Always {@value #MUC_DOMAIN} (runs only if {@link ProsodyOptions#muc()}). */
    public String mucDomain() {
        return MUC_DOMAIN;
    }

    /** Always {@value #UPLOAD_DOMAIN} (runs only if {@link ProsodyOptions#httpUpload()}). */
    public String uploadDomain() {
        return UPLOAD_DOMAIN;
    }

    /** The client port (plain connection, upgraded with STARTTLS when TLS is on). */
    public int c2sPort() {
        requireStarted();
        return ports.c2s();
    }

    /** The direct-TLS client port. */
    public int directTlsPort() {
        requireStarted();
        if (ports.directTls() == 0) {
            throw new IllegalStateException("This server has no direct-TLS port; enable it with directTls(true)");
        }
        return ports.directTls();
    }

    /** The HTTP port (file upload). */
    public int httpPort() {
        requireStarted();
        if (ports.http() == 0) {
            throw new IllegalStateException("This server has no HTTP port; enable it with httpUpload(true)");
        }
        return ports.http();
    }

    /**
     * The external component's domain, for example {@code bots.localhost}.
     *
     * @throws IllegalStateException if the options asked for no external component
     */
    public String componentDomain() {
        return requireComponent().domain(DOMAIN);
    }

    /** The loopback port external components connect to (XEP-0114). */
    public int componentPort() {
        requireStarted();
        requireComponent();
        return ports.component();
    }

    /** The external component's handshake secret. */
    public String componentSecret() {
        return requireComponent().secret();
    }

    /** Whether TLS is offered. */
    public boolean tls() {
        return options.tls();
    }

    /** The server's certificate file (PEM). */
    public Path certificatePath() {
        return requireCertificate().certificateFile();
    }

    /** The server's certificate. */
    public X509Certificate certificate() {
        return requireCertificate().certificate();
    }

    /** SHA-256 fingerprint of the certificate: colon-separated upper-case hex. */
    public String certificateSha256Fingerprint() {
        return requireCertificate().sha256Fingerprint();
    }

    /** The certificate with its key, for example to reuse it for another server. */
    public SelfSignedCertificate selfSignedCertificate() {
        return requireCertificate();
    }

    /** A trust manager that trusts exactly this server's certificate. */
    public PinnedCertificateTrustManager trustManager() {
        return new PinnedCertificateTrustManager(certificate());
    }

    /** The bare JID {@code user@localhost}. */
    public EntityBareJid jid(String user) {
        try {
            return JidCreate.entityBareFrom(ProsodyNames.normalizeUser(user) + "@" + DOMAIN);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid user name: " + user, e);
        }
    }

    /** The password given for an account in the options, if any. */
    public String password(String user) {
        String password = options.accounts().get(ProsodyNames.normalizeUser(user));
        if (password == null) {
            throw new IllegalArgumentException("No account " + user + " in this server's options");
        }
        return password;
    }

    public ProsodyOptions options() {
        return options;
    }

    /** The temporary folder holding everything. */
    public Path folder() {
        requireStarted();
        return layout.folder();
    }

    /** Prosody's data folder ({@code data_path}). */
    public Path dataDirectory() {
        requireStarted();
        return layout.dataDirectory();
    }

    /** Prosody's log file. */
    public Path logFile() {
        requireStarted();
        return layout.logFile();
    }

    /** The configuration file. */
    public Path configFile() {
        requireStarted();
        return layout.configFile();
    }

    /** The Prosody process id while it runs. */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /** The last {@code lines} lines of Prosody's log. */
    public String logTail(int lines) {
        requireStarted();
        return LogTail.of(layout.logFile(), lines);
    }

    @Override
    public synchronized String toString() {
        return "ProsodyServer[" + state + (ports == null ? "" : ", " + HOST + ":" + ports.c2s())
                + (layout == null ? "" : ", " + layout.folder()) + "]";
    }

    // ---- internals -----------------------------------------------------------------------------

    private void writeConfig() throws IOException {
        Files.writeString(layout.configFile(), ProsodyConfigFile.render(options, layout, ports, HOST, DOMAIN, MUC_DOMAIN, UPLOAD_DOMAIN, owner),
                StandardCharsets.UTF_8);
    }

    /** Certificate, accounts and rosters do not depend on each other: prepare them at the same time. */
    private void prepareInParallel() throws IOException {
        CompletableFuture<SelfSignedCertificate> certificateTask = CompletableFuture.supplyAsync(() -> {
            if (!options.tls()) {
                return null;
            }
            try {
                return options.certificate() != null
                        ? options.certificate().copyTo(layout.certificateDirectory(), CERTIFICATE_NAME)
                        : SelfSignedCertificate.generate(layout.certificateDirectory(), CERTIFICATE_NAME);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<Void> rosterTask = CompletableFuture.runAsync(() -> {
            try {
                for (String user : rosterUsers()) {
                    RosterFile.write(layout.dataDirectory(), DOMAIN, user, options.rosters().getOrDefault(user, List.of()),
                            options.pendingSubscriptions().getOrDefault(user, Set.of()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            prosodyctl.registerAll(options.accounts(), DOMAIN);
            certificate = certificateTask.join();
            rosterTask.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private Set<String> rosterUsers() {
        Set<String> users = new java.util.LinkedHashSet<>(options.rosters().keySet());
        users.addAll(options.pendingSubscriptions().keySet());
        return users;
    }

    private void launch(Path prosody) throws ProsodyProcess.PortTakenException {
        long logOffset = LogTail.size(layout.logFile());
        long consoleOffset = LogTail.size(layout.consoleFile());
        try {
            process = ProsodyProcess.launch(prosody, layout);
        } catch (IOException e) {
            throw new ProsodyStartException("Could not run " + prosody + ": " + e.getMessage(), "", e);
        }
        process.awaitReady(HOST, ports, options.startTimeout(), logOffset, consoleOffset);
    }

    private String tail() {
        String log = LogTail.of(layout.logFile(), 40);
        String console = LogTail.of(layout.consoleFile(), 20);
        return console.isBlank() ? log : log + "\n--- console ---\n" + console;
    }

    private ExternalComponent requireComponent() {
        ExternalComponent component = options.externalComponent();
        if (component == null) {
            throw new IllegalStateException("This server has no external component; ask for one with externalComponent(subdomain, secret)");
        }
        return component;
    }

    private SelfSignedCertificate requireCertificate() {
        requireStarted();
        if (certificate == null) {
            throw new IllegalStateException("This server runs without TLS and has no certificate");
        }
        return certificate;
    }

    private synchronized void requireStarted() {
        if (state == State.NEW || layout == null) {
            throw new IllegalStateException("The server has not been started");
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException("The server has been stopped and its folder deleted");
        }
    }

    private void requireRunning() {
        requireStarted();
        if (state != State.RUNNING || process == null || !process.isAlive()) {
            throw new IllegalStateException("The server is not running");
        }
    }

    private void cleanUpAfterFailedStart() {
        if (process != null) {
            process.kill();
        }
        deleteFolder();
        removeShutdownHook();
        state = State.STOPPED;
    }

    private void installShutdownHook() {
        ProsodyLayout folder = layout;
        shutdownHook = new Thread(() -> {
            ProsodyProcess running = process;
            if (running != null && running.isAlive()) {
                running.kill();
            }
            deleteRecursively(folder.folder());
        }, "prosody-sandbox-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
            shutdownHook = null;
        }
    }

    private void deleteFolder() {
        if (layout != null) {
            deleteRecursively(layout.folder());
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            Logger.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }

    /** Accounts as given in the options (user → password). */
    public Map<String, String> accounts() {
        return options.accounts();
    }
}
