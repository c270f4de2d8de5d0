package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.SelfSignedCertificate;

@WithProsody(accounts = {"alice:alice-secret", "bob:bob-secret"})
class TwoClientsTest {

    @Test
    void aMessageFromAliceArrivesAtBobOverStartTls(XmppTestClients clients) throws Exception {
        XMPPTCPConnection alice = clients.login("alice", "alice-secret");
        XMPPTCPConnection bob = clients.login("bob");
        assertTrue(alice.isSecureConnection(), "alice's stream is encrypted");
        assertTrue(bob.isSecureConnection(), "bob's stream is encrypted");

        BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);
        ChatManager.getInstanceFor(bob).addIncomingListener((from, message, chat) -> received.add(message));
        ChatManager.getInstanceFor(alice).chatWith(bob.getUser().asEntityBareJid()).send("Hello Bob, this is Alice");

        Message message = received.poll(5, TimeUnit.SECONDS);
        assertTrue(message != null, "bob received nothing");
        assertEquals("Hello Bob, this is Alice", message.getBody());
        assertEquals(alice.getUser().asEntityBareJid(), message.getFrom().asEntityBareJidIfPossible());
    }

    @Test
    void aWrongPasswordIsNotAuthorized(XmppTestClients clients) {
        SASLErrorException failure = assertThrows(SASLErrorException.class, () -> clients.login("alice", "not-the-password"));
        assertEquals(SASLError.not_authorized, failure.getSASLFailure().getSASLError());
    }

    @Test
    void anAccountCreatedAtRunTimeCanLogIn(XmppTestClients clients) throws Exception {
        TestAccount carol = clients.newAccount("carol");
        XMPPTCPConnection connection = clients.login(carol);
        assertEquals(carol.jid(), connection.getUser().asEntityBareJid());
    }

    @Test
    void aDifferentCertificateIsNotTrusted(ProsodyServer server, XmppTestClients clients, @TempDir Path folder)
            throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.generate(folder, "other");
        XMPPTCPConnection connection = clients.connection(LoopbackConnections.builder(server.host(), server.c2sPort(),
                server.domain(), other.certificate(), "pinned-elsewhere").setUsernameAndPassword("alice", "alice-secret").build());
        Exception failure = assertThrows(Exception.class, connection::connect);
        assertTrue(failure instanceof SmackException || failure instanceof java.io.IOException
                || failure instanceof XMPPException, failure.toString());
        assertTrue(!connection.isAuthenticated());
    }

    @Test
    void theServerDescribesItself(ProsodyServer server) {
        assertEquals("127.0.0.1", server.host());
        assertEquals("localhost", server.domain());
        assertTrue(server.c2sPort() > 0);
        assertTrue(server.certificateSha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"),
                server.certificateSha256Fingerprint());
        assertTrue(Files.isRegularFile(server.certificatePath()));
        assertTrue(server.certificate().getSubjectX500Principal().getName().contains("CN=localhost"));
        assertTrue(Files.isRegularFile(server.dataDirectory().resolve("localhost/accounts/alice.dat")));
        assertTrue(server.logFile().startsWith(server.folder()));
        assertTrue(server.isRunning());
    }
}
