package welljabber.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import welljabber.sandbox.ProsodyServer;

/**
 * The burst's peer as another process ({@link BurstSender}), optionally at a lower CPU priority
 * ({@code nice}), with the server set to the same: on a user's machine the server and the contact's
 * client run elsewhere, while here all three share two cores. The bench's own JVM then holds the
 * receiving client alone.
 */
final class PeerProcess implements BurstPeer {
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    private PeerProcess(Process process) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the peer logged in as {@code user}; {@code nice} 0 runs it at the bench's own priority. */
    static PeerProcess start(ProsodyServer server, String user, String password, String resource, int nice) throws Exception {
        Path certificate = Files.createTempFile("welljabber-bench-cert", ".der");
        Files.write(certificate, server.certificate().getEncoded());
        certificate.toFile().deleteOnExit();
        List<String> command = new ArrayList<>();
        if (nice > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(),
                BurstSender.class.getName(), server.host(), Integer.toString(server.c2sPort()), server.domain(),
                certificate.toString(), user, password, resource));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PeerProcess peer = new PeerProcess(process);
        peer.expect("ready");
        return peer;
    }

    /** Lowers the CPU priority of the server's process (renice; raising it back would need root). */
    static void lowerPriority(ProsodyServer server, int nice) throws IOException, InterruptedException {
        Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Long.toString(server.pid()))
                .redirectErrorStream(true).start();
        String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
            throw new IllegalStateException("renice of Prosody failed: " + said);
        }
    }

    /** Everything this JVM was started with, as one class path: the peer needs Smack, the sandbox and this class. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        try {
            entries.add(Path.of(BurstSender.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    @Override
    public void sendOne(String to, String body) {
        commands.println("one " + to + " " + body);
    }

    @Override
    public void burst(String to, int count, String tag, LongSupplier received) throws IOException, InterruptedException {
        commands.println("burst " + to + " " + count + " " + tag);
        Thread window = Thread.ofPlatform().daemon().name("peer-window").start(() -> {
            long told = -1;
            while (!Thread.currentThread().isInterrupted()) {
                long now = received.getAsLong();
                if (now != told) {
                    commands.println("received " + now);
                    told = now;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        try {
            expect("sent");
        } finally {
            window.interrupt();
            window.join();
        }
    }

    private void expect(String word) throws IOException {
        String line = answers.readLine();
        if (!word.equals(line)) {
            throw new IllegalStateException("the peer process said \"" + line + "\" instead of \"" + word + "\"");
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
