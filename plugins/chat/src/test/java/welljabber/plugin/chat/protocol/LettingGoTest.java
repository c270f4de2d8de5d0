package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * Chat stopping in the middle of a burst, as at exit: the shell closes the database right after the
 * plugins stop, so whatever chat had taken must be stored by then. A server of its own, as the burst
 * would make a shared one slow for the tests after it.
 */
@WithProsody(accounts = {"me:secret", "alice:secret", "bob:secret"}, muc = false, setup = MeAndAliceAreContacts.class)
class LettingGoTest {
    private static final ConversationKey WITH_ALICE = HistoryOnTestStore.with("alice");
    /** Not alice: her burst goes on after the first test lets go, and the server keeps the rest for "me". */
    private static final ConversationKey WITH_BOB = HistoryOnTestStore.with("bob");

    @AutoClose
    private final HistoryOnTestStore chat = new HistoryOnTestStore();

    @Test
    void whatArrivedBeforeChatLetGoIsStoredAndAcknowledgedWhenItReturnsAndNothingAfter(XmppTestClients clients)
            throws Exception {
        chat.me(clients);
        XMPPTCPConnection alice = HistoryOnTestStore.floodingAlice(clients);
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> receipts.add(id));
        int count = 3_000;
        flood(alice, "me@localhost", count, "burst-", "burst ", true);
        Poll.until(Duration.ofSeconds(60), () -> chat.history.added().size() >= 300, () -> chat.history.added().size() + " stored so far");

        boolean allStored = chat.protocol.detachAll(Duration.ofSeconds(30));

        int stored = chat.store.newest(WITH_ALICE, count + 10).size();
        assertTrue(allStored, "storing had not finished within 30 s");
        assertTrue(stored < count, "chat let go after the burst, not in it: the test needs to stop it earlier");
        Thread.sleep(1_000); // nothing may be stored after chat let go; a second is many batches at this pace
        assertEquals(stored, chat.store.newest(WITH_ALICE, count + 10).size(), "stored after chat had let go");
        Poll.until(Duration.ofSeconds(20), () -> receipts.size() == stored,
                () -> "alice has " + receipts.size() + " receipts for " + stored + " stored messages");
    }

    @Test
    void copiesOfWhatOurOtherClientSentAreStoredBeforeChatLetsGoAndNoneAfter(XmppTestClients clients, ProsodyServer server)
            throws Exception {
        XMPPTCPConnection me = chat.me(clients);
        XMPPTCPConnection phone = clients.connection(LoopbackConnections.builder(server, "me", "secret", "phone").build());
        phone.setUseStreamManagement(false); // flooding, as alice does above
        phone.connect().login();
        clients.login("bob");
        Poll.until(Duration.ofSeconds(20), () -> CarbonManager.getInstanceFor(me).getCarbonsEnabled(), "carbons were not enabled");
        // Smack hands each copy to chat's listener, then to this one (in the order they were added), on one thread.
        AtomicInteger handedToChat = new AtomicInteger();
        CarbonManager.getInstanceFor(me).addCarbonCopyReceivedListener((direction, copy, wrapper) -> handedToChat.incrementAndGet());
        chat.history.hold(); // storing stops after its first batch: the copies that come meanwhile wait to be stored
        int count = 3_000;
        flood(phone, "bob@localhost", count, "phone-", "from my phone ", false);
        Poll.until(Duration.ofSeconds(60), () -> handedToChat.get() >= 1_000, () -> handedToChat.get() + " copies came so far");

        int taken = handedToChat.get();
        AtomicBoolean allStored = new AtomicBoolean();
        Thread lettingGo = Thread.ofVirtual().start(() -> {
            try {
                allStored.set(chat.protocol.detachAll(Duration.ofSeconds(30)));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        chat.history.release();
        lettingGo.join(Duration.ofSeconds(40));

        int stored = chat.store.newest(WITH_BOB, count + 10).size();
        assertTrue(allStored.get(), "storing had not finished within 30 s");
        assertTrue(stored >= taken, taken + " copies had come before chat let go, " + stored + " were stored when it returned");
        assertTrue(stored < count, "chat let go after the copies had all come, not while they came: the test needs to stop it earlier");
        Thread.sleep(1_000);
        assertEquals(stored, chat.store.newest(WITH_BOB, count + 10).size(), "copies stored after chat had let go");
        assertEquals(List.of(), chat.store.newest(WITH_BOB, count + 10).stream().filter(m -> !m.outgoing()).toList(),
                "copies of our own messages stored as the contact's");
    }

    @Test
    void whenStoringTakesLongerThanChatMayWaitItStopsBetweenBatchesSoTheDatabaseCanClose(XmppTestClients clients)
            throws Exception {
        storingOutlastsTheWait(clients, false, "chat said it had stored everything, or did not return");
    }

    @Test
    void aConnectionLetGoOfBeforeExitStopsStoringToo(XmppTestClients clients) throws Exception {
        storingOutlastsTheWait(clients, true, "the exit did not wait for the connection let go of before");
    }

    /**
     * Storing held (as a slow disk would) with hundreds of messages waiting; chat, after letting go of the connection
     * first if {@code letGoOfFirst} (the account edited just before exit), waits 300 ms for them and gives up. Once it
     * returns, nothing more may be stored, though the storing thread then goes on: the database may be closed.
     */
    private void storingOutlastsTheWait(XmppTestClients clients, boolean letGoOfFirst, String notWaited) throws Exception {
        XMPPTCPConnection me = chat.me(clients);
        XMPPTCPConnection alice = HistoryOnTestStore.floodingAlice(clients);
        // Smack hands each message to chat's listener, then to this one, on one thread.
        AtomicInteger handedToChat = new AtomicInteger();
        ChatManager.getInstanceFor(me).addIncomingListener((from, message, conversation) -> handedToChat.incrementAndGet());
        chat.history.hold(); // storing stops after its first batch
        int count = 3_000;
        flood(alice, "me@localhost", count, "slow-", "slow ", false);
        Poll.until(Duration.ofSeconds(60), () -> handedToChat.get() >= 500, () -> handedToChat.get() + " messages came so far");

        if (letGoOfFirst) {
            chat.protocol.detach(me);
        }
        AtomicBoolean allStored = new AtomicBoolean(true);
        Thread lettingGo = Thread.ofVirtual().start(() -> {
            try {
                allStored.set(chat.protocol.detachAll(Duration.ofMillis(300)));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        lettingGo.join(Duration.ofSeconds(20));
        chat.history.release();

        assertTrue(!lettingGo.isAlive() && !allStored.get(), notWaited);
        int stored = chat.store.newest(WITH_ALICE, count + 10).size();
        Thread.sleep(1_000);
        assertEquals(stored, chat.store.newest(WITH_ALICE, count + 10).size(), "stored after chat had given up: the database may be closed");
    }

    /**
     * Sends {@code count} chat messages from {@code sender} to {@code to} as fast as it can, on a thread of its own
     * (ids {@code idPrefix} + number, bodies {@code bodyPrefix} + number), asking for receipts if {@code receipts}.
     */
    private static void flood(XMPPTCPConnection sender, String to, int count, String idPrefix, String bodyPrefix, boolean receipts) {
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    MessageBuilder message = StanzaBuilder.buildMessage(idPrefix + i).to(JidCreate.entityBareFrom(to))
                            .ofType(Message.Type.chat).setBody(bodyPrefix + i);
                    if (receipts) {
                        message.addExtension(new DeliveryReceiptRequest());
                    }
                    sender.sendStanza(message.build());
                }
            } catch (Exception stopped) {
                // the test is over or the connection went: what was sent is what the test counts
            }
        });
    }
}
