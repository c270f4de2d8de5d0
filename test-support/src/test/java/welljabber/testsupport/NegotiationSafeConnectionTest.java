package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import welljabber.api.connection.NegotiationSafeConnection;

/**
 * The shell's connection never writes a stanza into a stream being negotiated: sent while the connection
 * comes back (as a receipt or a chat state can be), it is refused, or held for the session when the stream
 * can be resumed. Plain Smack writes it, and the server stops answering the negotiation (the first two tests
 * then fails with "No response ... While waiting for successful SASL authentication").
 */
@WithProsody(accounts = {"me:secret", "bob:secret"}, muc = false, registration = true)
class NegotiationSafeConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aStanzaSentWhileTheConnectionComesBackIsRefusedAndTheLoginStillWorks(XmppTestClients clients) throws Exception {
        XMPPTCPConnection bob = clients.login("bob");
        List<String> bobGot = bodiesReceivedBy(bob);
        XMPPTCPConnection me = clients.login("me");
        assertInstanceOf(NegotiationSafeConnection.class, me);
        me.disconnect(); // a stream that cannot be resumed
        List<Exception> refused = new CopyOnWriteArrayList<>();
        me.addConnectionListener(new ConnectionListener() {
            @Override
            public void connected(XMPPConnection connection) {
                try {
                    connection.sendStanza(message(connection, bob.getUser(), "too early"));
                } catch (SmackException.NotConnectedException | InterruptedException e) {
                    refused.add(e);
                }
            }
        });

        me.connect().login();
        me.sendStanza(message(me, bob.getUser(), "in the session"));

        Poll.until(WAIT, () -> bobGot.contains("in the session"), () -> "bob got " + bobGot);
        // Refused, so its sender keeps it for the session. Plain Smack writes it, and the login never completes.
        assertEquals(1, refused.size(), "the early stanza was refused: " + refused);
        assertInstanceOf(SmackException.NotConnectedException.class, refused.get(0));
        assertTrue(me.isAuthenticated());
        assertEquals(List.of("in the session"), bobGot);
    }

    @Test
    void beforeItsFirstSessionTheStreamTakesWhatIsSentToIt(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.connection("me", "secret");
        me.connect();
        // In-band registration asks the server before logging in.
        assertTrue(AccountManager.getInstance(me).supportsAccountCreation(), "the server answered before the login");
        me.login();
        assertTrue(me.isAuthenticated());
    }

    @Test
    void stanzasSentWhileAResumableStreamComesBackGoOutOnceItIsResumedInOrder(XmppTestClients clients) throws Exception {
        XMPPTCPConnection bob = clients.login("bob");
        List<String> bobGot = bodiesReceivedBy(bob);
        XMPPTCPConnection me = clients.connection("me", "secret");
        me.setUseStreamManagement(true);
        me.setUseStreamManagementResumption(true);
        me.connect().login();
        assertTrue(me.isSmResumptionPossible(), "the server offers resumption");

        me.instantShutdown(); // as when the network drops: the stream stays resumable
        AtomicBoolean comingBack = new AtomicBoolean(true);
        me.addConnectionListener(new ConnectionListener() {
            @Override
            public void connected(XMPPConnection connection) {
                if (comingBack.getAndSet(false)) {
                    try {
                        connection.sendStanza(message(connection, bob.getUser(), "while coming back 1"));
                        connection.sendStanza(message(connection, bob.getUser(), "while coming back 2"));
                    } catch (SmackException.NotConnectedException | InterruptedException e) {
                        throw new AssertionError("a resumable stream takes stanzas", e);
                    }
                }
            }
        });
        me.connect().login();
        me.sendStanza(message(me, bob.getUser(), "after"));

        Poll.until(WAIT, () -> bobGot.size() >= 3, () -> "bob got " + bobGot);
        assertTrue(me.streamWasResumed(), "the stream was resumed, not opened anew");
        assertEquals(List.of("while coming back 1", "while coming back 2", "after"), bobGot);
        Thread.sleep(300);
        assertEquals(3, bobGot.size(), "each once: " + bobGot);
    }

    private static List<String> bodiesReceivedBy(XMPPTCPConnection connection) {
        List<String> bodies = new CopyOnWriteArrayList<>();
        connection.addSyncStanzaListener(stanza -> bodies.add(((Message) stanza).getBody()),
                stanza -> stanza instanceof Message message && message.getBody() != null);
        return bodies;
    }

    private static Stanza message(XMPPConnection connection, Jid to, String body) {
        return connection.getStanzaFactory().buildMessageStanza().to(to).setBody(body).build();
    }
}
