package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Against a real Prosody: an external component speaks for contacts of its domain. */
class ComponentConnectionTest {

    private static ProsodyServer server;

    @BeforeAll
    static void startServer() {
        server = ProsodyOptions.builder().plain().muc(false).account("alice", "secret")
                .externalComponent("bots", "bots-secret")
                .roster("alice", RosterEntry.mutual("c00042@bots.localhost", "Contact 42", "Group 2"))
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theServerSaysWhereTheComponentIs() {
        assertEquals("bots.localhost", server.componentDomain());
        assertTrue(server.componentPort() > 0 && server.componentPort() != server.c2sPort());
        assertEquals("bots-secret", server.componentSecret());
    }

    @Test
    void aPresenceSentThroughTheComponentReachesTheUser() throws Exception {
        try (ComponentConnection component = ComponentConnection.connect(server)) {
            XMPPTCPConnection alice = new XMPPTCPConnection(LoopbackConnections.builder(server, "alice", "secret").build());
            Roster.getInstanceFor(alice).setRosterLoadedAtLogin(false);
            BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
            // Prosody also echoes alice's own presence to her: keep only what comes from the component's domain
            alice.addAsyncStanzaListener(stanza -> presences.add((Presence) stanza), new AndFilter(StanzaTypeFilter.PRESENCE,
                    stanza -> stanza.getFrom() != null && stanza.getFrom().getDomain().toString().equals("bots.localhost")));
            try {
                alice.connect().login();
                // alice's initial presence goes to her mutual contact and probes it: both land at the component,
                // and once they have, Prosody counts alice as available (it only delivers presence to such sessions)
                component.awaitReceived(2, Duration.ofSeconds(10));

                component.send(PresenceBurst.stanza("c00042@bots.localhost/desk", "alice@localhost", "away", "Out for lunch", 5));
                component.flush();

                Presence presence = presences.poll(10, TimeUnit.SECONDS);
                assertNotNull(presence, "no presence reached alice");
                assertEquals("c00042@bots.localhost/desk", presence.getFrom().toString());
                assertEquals(Presence.Type.available, presence.getType());
                assertEquals(Presence.Mode.away, presence.getMode());
                assertEquals("Out for lunch", presence.getStatus());
                assertEquals(5, presence.getPriority());
            } finally {
                alice.disconnect();
            }
        }
    }

    @Test
    void iqRequestsToTheComponentAreAnsweredWithAnError() throws Exception {
        try (ComponentConnection component = ComponentConnection.connect(server)) {
            XMPPTCPConnection alice = new XMPPTCPConnection(LoopbackConnections.builder(server, "alice", "secret")
                    .setSendPresence(false).build());
            Roster.getInstanceFor(alice).setRosterLoadedAtLogin(false);
            try {
                alice.connect().login();
                // unanswered, this would block until Smack's reply timeout (as its upload manager does at login)
                XMPPException.XMPPErrorException error = assertThrows(XMPPException.XMPPErrorException.class,
                        () -> ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(JidCreate.from("c00042@bots.localhost/desk")));
                assertEquals(StanzaError.Condition.service_unavailable, error.getStanzaError().getCondition());
                assertTrue(component.isOpen());
            } finally {
                alice.disconnect();
            }
        }
    }

    @Test
    void aWrongSecretIsRefused() {
        IOException refused = assertThrows(IOException.class, () -> ComponentConnection.connect(server.host(),
                server.componentPort(), server.componentDomain(), "wrong", Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("not-authorized"), refused.getMessage());
    }

    @Test
    void theHandshakeIsTheHexSha1OfStreamIdAndSecret() {
        // sha1("abc") is the well-known a9993e36…; here the id "ab" and the secret "c" make "abc"
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", ComponentConnection.handshakeDigest("ab", "c"));
    }
}
