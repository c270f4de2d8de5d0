package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.RosterEntry;

/** The extension registered in code, with options that are easier to write than to annotate. */
class RegisteredExtensionTest {

    @RegisterExtension
    static final ProsodyExtension PROSODY = ProsodyExtension.with(options -> options
            .plain().muc(false)
            .account("hank", "hank-secret")
            .roster("hank", RosterEntry.mutual("ivy@localhost", "Ivy", "Friends"))
            .pendingSubscription("hank", "judy@localhost")
            .account("first.last", "dotted-secret")
            .roster("first.last", RosterEntry.mutual("zoë@localhost", "Zoë \"Z\" O'Neil \\ ☕", "Grüße", "Work")));

    @Test
    void theFieldAndTheParameterAreTheSameServer(ProsodyServer server) {
        assertSame(PROSODY.server(), server);
        assertFalse(server.tls());
    }

    @Test
    void aPendingSubscriptionRequestIsDeliveredAtLogin(XmppTestClients clients) throws Exception {
        XMPPTCPConnection hank = clients.connection("hank", "hank-secret");
        BlockingQueue<Presence> requests = new ArrayBlockingQueue<>(5);
        hank.addAsyncStanzaListener(stanza -> requests.add((Presence) stanza), PresenceTypeFilter.SUBSCRIBE);
        Roster roster = Roster.getInstanceFor(hank);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        hank.connect().login();
        Poll.until(Duration.ofSeconds(10), roster::isLoaded, "roster loaded");
        assertTrue(roster.contains(JidCreate.bareFrom("ivy@localhost")));
        Presence request = requests.poll(5, TimeUnit.SECONDS);
        assertNotNull(request, "judy's subscription request arrived");
        assertEquals("judy@localhost", request.getFrom().toString());
    }

    @Test
    void escapedFileNamesAndQuotedTextReachTheClientIntact(XmppTestClients clients) throws Exception {
        XMPPTCPConnection dotted = clients.connection("first.last", "dotted-secret");
        Roster roster = Roster.getInstanceFor(dotted);
        dotted.connect().login();
        Poll.until(Duration.ofSeconds(10), roster::isLoaded, "roster loaded");
        var entry = roster.getEntry(JidCreate.bareFrom("zoë@localhost"));
        assertNotNull(entry, "the roster of first.last (file first%2elast.dat) was served");
        assertEquals("Zoë \"Z\" O'Neil \\ ☕", entry.getName());
        assertEquals(Set.of("Grüße", "Work"), entry.getGroups().stream().map(RosterGroup::getName).collect(Collectors.toSet()));
    }
}
