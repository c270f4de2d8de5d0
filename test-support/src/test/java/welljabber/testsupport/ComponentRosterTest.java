package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import welljabber.sandbox.BigRoster;
import welljabber.sandbox.ComponentConnection;
import welljabber.sandbox.PresenceBurst;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;

/** The roster benchmark's world: 5,000 contacts of an external component, all coming online at once. */
@WithProsody(accounts = "me:secret", tls = false, muc = false, setup = ComponentRosterTest.FiveThousandBots.class)
class ComponentRosterTest {

    static final int CONTACTS = 5000;

    static final class FiveThousandBots implements ProsodySetup {
        @Override
        public void configure(ProsodyOptions.Builder options) {
            options.externalComponent("bots", "bots-secret").roster("me", BigRoster.contacts(CONTACTS, "bots.localhost"));
        }
    }

    @Test
    void prosodyServesAllFiveThousandContactsOnReload(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.connection(clients.configBuilder("me", "secret").setSendPresence(false).build());
        Roster roster = Roster.getInstanceFor(me);
        roster.setRosterLoadedAtLogin(false);
        me.connect().login();
        roster.reloadAndWait();

        assertEquals(CONTACTS, roster.getEntries().size());
        assertEquals(BigRoster.GROUPS, roster.getGroupCount());
        assertEquals("Contact 4242", roster.getEntry(JidCreate.bareFrom("c04242@bots.localhost")).getName());
    }

    @Test
    void twoBurstsThroughTheComponentReachTheRoster(ProsodyServer server, XmppTestClients clients) throws Exception {
        try (ComponentConnection component = ComponentConnection.connect(server)) {
            XMPPTCPConnection me = clients.connection("me", "secret");
            Roster roster = Roster.getInstanceFor(me);
            RosterPresenceCounter counter = new RosterPresenceCounter();
            roster.addRosterListener(counter);
            me.connect().login();
            // me's initial presence: one broadcast and one probe per mutual contact arrive at the component first
            component.awaitReceived(2L * CONTACTS, Duration.ofSeconds(60));
            long before = counter.count();

            PresenceBurst burst = new PresenceBurst(component, "me@localhost", BigRoster.jids(CONTACTS, server.componentDomain()));
            assertEquals(CONTACTS, burst.send(0));
            counter.awaitCount(before + CONTACTS, Duration.ofSeconds(60));
            assertEveryContactShows(roster, 0);

            burst.send(1);
            counter.awaitCount(before + 2L * CONTACTS, Duration.ofSeconds(60));
            assertEquals(before + 2L * CONTACTS, counter.count());
        }
    }

    /** Every contact is available with the round's show, status and priority. */
    private static void assertEveryContactShows(Roster roster, int round) throws Exception {
        List<String> jids = BigRoster.jids(CONTACTS, "bots.localhost");
        for (int i = 0; i < CONTACTS; i++) {
            BareJid jid = JidCreate.bareFrom(jids.get(i));
            Presence presence = roster.getPresence(jid);
            assertTrue(presence.isAvailable(), jid + " is " + presence);
            assertEquals(PresenceBurst.status(i, round), presence.getStatus(), jid.toString());
            String show = PresenceBurst.show(i, round);
            assertEquals(show.isEmpty() ? Presence.Mode.available : Presence.Mode.fromString(show), presence.getMode(), jid.toString());
            assertEquals(PresenceBurst.priority(i, round), presence.getPriority(), jid.toString());
        }
    }
}
