package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import welljabber.sandbox.ProsodyOptions;

@WithProsody(accounts = "big:big-secret", muc = false, setup = BigRosterTest.FiveThousandContacts.class)
class BigRosterTest {

    static final int CONTACTS = 5000;
    static final int GROUPS = 20;

    static final class FiveThousandContacts implements ProsodySetup {
        @Override
        public void configure(ProsodyOptions.Builder options) {
            List<welljabber.sandbox.RosterEntry> entries = new ArrayList<>(CONTACTS);
            for (int i = 0; i < CONTACTS; i++) {
                entries.add(welljabber.sandbox.RosterEntry.mutual("c%05d@localhost".formatted(i), "Contact " + i,
                        "Group " + (i % GROUPS)));
            }
            options.roster("big", entries);
        }
    }

    @Test
    void theWholePreWrittenRosterArrivesAtLogin(XmppTestClients clients) throws Exception {
        long began = System.nanoTime();
        XMPPTCPConnection big = clients.connection("big", "big-secret");
        Roster roster = Roster.getInstanceFor(big);
        big.connect().login();
        Poll.until(java.time.Duration.ofSeconds(10), roster::isLoaded, "roster loaded");
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("Connect, login and %d roster items in %d ms%n", roster.getEntryCount(), millis);

        assertEquals(CONTACTS, roster.getEntryCount());
        assertEquals(GROUPS, roster.getGroupCount());
        assertEquals(CONTACTS / GROUPS, roster.getGroup("Group 7").getEntryCount());
        RosterEntry entry = roster.getEntry(JidCreate.bareFrom("c04242@localhost"));
        assertNotNull(entry);
        assertEquals("Contact 4242", entry.getName());
        assertEquals(RosterPacket.ItemType.both, entry.getType());
    }
}
