package welljabber.app.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;

import welljabber.sandbox.LoopbackConnections;

/**
 * The chat burst's peer in a process of its own (see {@link PeerProcess}), as a contact's client is on
 * another machine: its work and garbage are not in the receiving client's JVM. Logs in as the given
 * user over STARTTLS, trusting only the server's certificate, prints {@code ready}, then obeys lines
 * on standard input:
 * <ul>
 * <li>{@code received N}: the receiver has counted N of the current burst (the sending window);</li>
 * <li>{@code burst TO COUNT TAG}: sends the burst, prints {@code sent} when the last one is out;</li>
 * <li>{@code one TO BODY}: sends one message;</li>
 * <li>end of input: logs out and exits.</li>
 * </ul>
 */
public final class BurstSender {
    private BurstSender() {
    }

    /** Arguments: host port domain certificate-file (DER) user password resource. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        java.security.cert.X509Certificate certificate;
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(args[3]))) {
            certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
        XMPPTCPConnection connection = new XMPPTCPConnection(LoopbackConnections.builder(args[0], Integer.parseInt(args[1]), args[2],
                certificate, args[6]).setUsernameAndPassword(args[4], args[5]).build());
        connection.connect().login();
        AtomicLong received = new AtomicLong();
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Thread burst = null;
        for (String line; (line = in.readLine()) != null;) {
            String[] words = line.split(" ", 4);
            switch (words[0]) {
                case "received" -> received.set(Long.parseLong(words[1]));
                case "one" -> ChatBurst.sendOne(connection, words[1], line.split(" ", 3)[2]); // the body may have spaces
                case "burst" -> {
                    received.set(0);
                    String to = words[1];
                    int count = Integer.parseInt(words[2]);
                    String tag = words[3];
                    burst = Thread.ofPlatform().name("burst-sender").start(() -> {
                        try {
                            ChatBurst.send(connection, to, count, tag, received::get);
                            out.println("sent");
                        } catch (Exception e) {
                            out.println("failed " + e);
                        }
                    });
                }
                default -> out.println("unknown " + line);
            }
        }
        if (burst != null) {
            burst.join();
        }
        connection.disconnect();
    }
}
