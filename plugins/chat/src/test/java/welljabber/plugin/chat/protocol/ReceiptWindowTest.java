package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * The receipts of a burst against a real Prosody of its own: after another test's thousands of messages,
 * a shared server spends half a minute archiving, and this test would measure that.
 */
@WithProsody(accounts = {"me:secret", "alice:secret"}, muc = false, setup = MeAndAliceAreContacts.class)
class ReceiptWindowTest {
    @AutoClose
    private final HistoryOnTestStore chat = new HistoryOnTestStore();

    @Test
    void aBurstOfThousandsIsAllAcknowledgedWithAFewHundredReceiptsAtMostAwaitingTheServer(XmppTestClients clients)
            throws Exception {
        XMPPTCPConnection me = chat.me(clients);
        assertTrue(me.isSmEnabled(), "the test needs stream management, as the shell's connections have");
        // Receipts written to the server and not yet acknowledged by it, as seen from outside the plugin.
        AtomicInteger unacknowledged = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        StanzaFilter isReceipt = stanza -> stanza.hasExtension(DeliveryReceipt.ELEMENT, DeliveryReceipt.NAMESPACE);
        me.addStanzaSendingListener(stanza -> most.accumulateAndGet(unacknowledged.incrementAndGet(), Math::max), isReceipt);
        me.addStanzaAcknowledgedListener(stanza -> {
            if (isReceipt.accept(stanza)) {
                unacknowledged.decrementAndGet();
            }
        });
        XMPPTCPConnection alice = HistoryOnTestStore.floodingAlice(clients);
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> receipts.add(id));
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            alice.sendStanza(StanzaBuilder.buildMessage("burst-" + i).to(JidCreate.entityBareFrom("me@localhost"))
                    .ofType(Message.Type.chat).setBody("burst " + i).addExtension(new DeliveryReceiptRequest()).build());
        }

        Poll.until(Duration.ofSeconds(60), () -> receipts.size() == count, () -> "alice has " + receipts.size() + " of " + count + " receipts");
        assertEquals(count, chat.store.newest(HistoryOnTestStore.with("alice"), count + 10).size(), "all stored, once");
        assertTrue(most.get() <= AckWindow.FOR_RECEIPTS + 20, "receipts awaiting the server's acknowledgement at most: " + most.get());
    }

}
