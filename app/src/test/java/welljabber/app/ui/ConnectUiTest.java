package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;

import javafx.scene.control.Label;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.error.ErrorSentences;
import welljabber.app.ShellFixture;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.RosterEntry;
import welljabber.sandbox.Subscription;
import welljabber.testsupport.Poll;
import welljabber.testsupport.ProsodySetup;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/** The shell against a real Prosody with a self-signed certificate, driven through its UI. */
@WithProsody(accounts = {"me:secret", "alice:secret"}, setup = ConnectUiTest.MutualContacts.class)
class ConnectUiTest extends ShellUiTest {

    public static final class MutualContacts implements ProsodySetup {
        @Override
        public void configure(ProsodyOptions.Builder options) {
            options.roster("me", RosterEntry.of("alice@localhost", "Alice", Subscription.BOTH));
            options.roster("alice", RosterEntry.of("me@localhost", "Me", Subscription.BOTH));
        }
    }

    @Test
    void addConnectTrustAlwaysChangePresenceDisconnectAndTrustSurvivesRestart(ProsodyServer server,
            XmppTestClients clients) throws Exception {
        XMPPTCPConnection alice = clients.login("alice", "secret");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        var me = JidCreate.entityBareFrom("me@localhost");

        startShell();
        steps.addAccount("me@localhost", "secret", server.host(), server.c2sPort());

        steps.awaitTrustDialog();
        assertEquals(server.certificateSha256Fingerprint(),
                robot.lookup("#trustFingerprint").queryAs(Label.class).getText(),
                "the dialog must show the server certificate's SHA-256 fingerprint");
        robot.clickOn("#trustAlways");
        steps.awaitStatus("Connected", Duration.ofSeconds(10));
        Poll.until(Duration.ofSeconds(10), () -> aliceRoster.getPresence(me).isAvailable(), "alice never saw me online");
        Presence online = aliceRoster.getPresence(me);
        assertTrue(online.hasExtension(CapsExtension.ELEMENT, CapsExtension.NAMESPACE),
                "WellJabber's presence carries no XEP-0115 entity capabilities: " + online.toXML());
        var version = VersionManager.getInstanceFor(alice).getVersion(online.getFrom().asFullJidOrThrow());
        assertEquals("WellJabber", version.getName(), "XEP-0092 software version");
        assertTrue(PingManager.getInstanceFor(alice).ping(online.getFrom()), "XEP-0199 ping unanswered");

        robot.clickOn("#presenceChoice").clickOn("Away");
        Poll.until(Duration.ofSeconds(10), () -> aliceRoster.getPresence(me).getMode() == Presence.Mode.away,
                () -> "alice sees me as " + aliceRoster.getPresence(me));

        robot.clickOn("Accounts").clickOn("Disconnect all");
        steps.awaitStatus("Disconnected", Duration.ofSeconds(10));
        Poll.until(Duration.ofSeconds(10), () -> !aliceRoster.getPresence(me).isAvailable(), "alice still sees me online");

        shell.stop();
        shell = ShellFixture.on(shell.profile());
        shell.start();
        steps.awaitStatus("Connected", Duration.ofSeconds(10));
        assertFalse(steps.trustDialogShowing(), "a certificate trusted always was asked about again after a restart");
    }

    @Test
    void aWrongPasswordSaysSoInPlainWords(ProsodyServer server) throws Exception {
        startShell();
        steps.addAccount("me@localhost", "not-the-password", server.host(), server.c2sPort());
        steps.awaitTrustDialog();
        robot.clickOn("#trustOnce");
        String sentence = ErrorSentences.forSaslError(SASLError.not_authorized, Locale.ENGLISH);
        steps.awaitStatus(sentence, Duration.ofSeconds(10));
        assertTrue(steps.status().contains("Not connected"), steps.status());
    }

    @Test
    void aClosedPortSaysCannotConnectWithinTenSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        startShell();
        long started = System.nanoTime();
        steps.addAccount("me@localhost", "secret", "127.0.0.1", closedPort);
        steps.awaitStatus("cannot connect", Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }

    @Test
    void editingAConnectedAccountReconnectsWithTheNewSettings(ProsodyServer server, XmppTestClients clients)
            throws Exception {
        XMPPTCPConnection alice = clients.login("alice", "secret");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        var me = JidCreate.entityBareFrom("me@localhost");
        startShell();
        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(),
                welljabber.app.account.TlsMode.REQUIRED);
        Poll.until(Duration.ofSeconds(10), () -> aliceRoster.getPresence(me).isAvailable(), "alice never saw me online");

        robot.clickOn("Accounts").clickOn("Manage accounts…");
        robot.clickOn("#accountEdit");
        steps.fill("#accountResource", "Laptop");
        robot.clickOn("#saveAccount");
        robot.clickOn("Close");
        Poll.until(Duration.ofSeconds(10), () -> aliceRoster.getPresence(me).isAvailable()
                && "Laptop".equals(aliceRoster.getPresence(me).getFrom().getResourceOrEmpty().toString()),
                () -> "alice sees me as " + aliceRoster.getPresence(me).getFrom());
    }
}
