package welljabber.plugin.chat.reliability;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;

import welljabber.api.account.AccountId;
import welljabber.testsupport.storage.H2TestStorage;
import welljabber.sandbox.LoopbackConnections;

/**
 * A chat client in a process of its own, for the kill test: the plugin's protocol side with its
 * history in an H2 file, logged in as {@code me}. Prints {@code READY} once logged in and
 * {@code CAUGHT_UP} when it has fetched what the server's archive holds for it; "quit" on standard
 * input closes it cleanly; the test may instead kill it with SIGKILL at any moment.
 *
 * <p>Arguments: host, port, certificate file, database file.
 */
public final class KillableClient {
    private KillableClient() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        try (H2TestStorage storage = H2TestStorage.file(Path.of(args[3]))) {
            XMPPTCPConnection connection = new XMPPTCPConnection(LoopbackConnections
                    .builder(host, port, "localhost", certificate, "desktop").setUsernameAndPassword("me", "secret").build());
            try (ChatEndpoint endpoint = new ChatEndpoint(new AccountId("me"), connection, storage)) {
                endpoint.onCaughtUp(() -> {
                    System.out.println("CAUGHT_UP");
                    System.out.flush();
                });
                connection.connect().login();
                System.out.println("READY");
                System.out.flush();
                BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = stdin.readLine()) != null && !line.equals("quit")) {
                    // wait for the test to say quit (or to kill us)
                }
                connection.disconnect();
            }
        }
        System.out.println("CLOSED");
    }
}
