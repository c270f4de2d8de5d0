package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;
import welljabber.testsupport.storage.H2TestStorage;

/**
 * Chat stopping in the middle of a burst, as at exit: the shell closes the database right after the
 * plugins stop, so whatever chat had taken must be stored by then. A server of its own, as the burst
 * would make a shared one slow for the tests after it.
 */
@WithProsody(accounts = {"me:secret", "alice:secret"}, muc = false, setup = MeAndAliceAreContacts.class)
class LettingGoTest {
    private static final AccountId ACCOUNT = new AccountId("me-account");
    private static final ConversationKey WITH_ALICE =
            new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked("alice@localhost"));

    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final RecordingListener history = new RecordingListener();
    private final ChatProtocol protocol = new ChatProtocol(store, history, history, Locale.ENGLISH, Clock.systemUTC());

    LettingGoTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        protocol.detachAll();
        storage.close();
    }

    @Test
    void whatArrivedBeforeChatLetGoIsStoredAndAcknowledgedWhenItReturnsAndNothingAfter(XmppTestClients clients)
            throws Exception {
        XMPPTCPConnection me = clients.connection("me", "secret");
        protocol.attach(ACCOUNT, me);
        me.connect().login();
        XMPPTCPConnection alice = clients.connection("alice", "secret");
        alice.setUseStreamManagement(false); // a flood with Smack's stream management risks its own hang
        alice.connect().login();
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> receipts.add(id));
        int count = 3_000;
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    alice.sendStanza(StanzaBuilder.buildMessage("burst-" + i).to(JidCreate.entityBareFrom("me@localhost"))
                            .ofType(Message.Type.chat).setBody("burst " + i).addExtension(new DeliveryReceiptRequest()).build());
                }
            } catch (Exception stopped) {
                // the test is over or the connection went: what was sent is what the test counts
            }
        });
        Poll.until(Duration.ofSeconds(60), () -> history.added().size() >= 300, () -> history.added().size() + " stored so far");

        boolean allStored = protocol.detachAll(Duration.ofSeconds(30));

        int stored = store.newest(WITH_ALICE, count + 10).size();
        assertTrue(allStored, "storing had not finished within 30 s");
        assertTrue(stored < count, "chat let go after the burst, not in it: the test needs to stop it earlier");
        Thread.sleep(1_000); // nothing may be stored after chat let go; a second is many batches at this pace
        assertEquals(stored, store.newest(WITH_ALICE, count + 10).size(), "stored after chat had let go");
        Poll.until(Duration.ofSeconds(20), () -> receipts.size() == stored,
                () -> "alice has " + receipts.size() + " receipts for " + stored + " stored messages");
    }
}
