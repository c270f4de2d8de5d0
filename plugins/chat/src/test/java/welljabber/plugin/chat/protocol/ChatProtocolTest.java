package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.error.ErrorSentences;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.MemoryStorage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.RosterEntry;
import welljabber.testsupport.Poll;
import welljabber.testsupport.ProsodySetup;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * The chat plugin's protocol side with history in a real H2, against a real Prosody: "me" runs the
 * plugin's code, alice and bob are plain Smack clients. me and alice see each other's presence (so
 * receipts flow between them); bob is a stranger.
 */
@WithProsody(accounts = {"me:secret", "alice:secret", "bob:secret"}, muc = false, setup = ChatProtocolTest.Contacts.class)
class ChatProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AccountId ACCOUNT = new AccountId("me-account");

    static final class Contacts implements ProsodySetup {
        @Override
        public void configure(ProsodyOptions.Builder options) {
            options.roster("me", RosterEntry.mutual("alice@localhost", "Alice"));
            options.roster("alice", RosterEntry.mutual("me@localhost", "Me"));
        }
    }

    private final MemoryStorage storage = new MemoryStorage();
    private final MessageStore store = new MessageStore(storage);
    private final RecordingListener history = new RecordingListener();
    private final AtomicReference<XMPPConnection> mine = new AtomicReference<>();
    private final ChatProtocol protocol = new ChatProtocol(store, history, Locale.ENGLISH, Clock.systemUTC());
    private final Outbox outbox = new Outbox(store, history,
            account -> Optional.ofNullable(mine.get()).filter(XMPPConnection::isAuthenticated), Clock.systemUTC());

    ChatProtocolTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        protocol.detachAll();
        storage.close();
    }

    private XMPPTCPConnection me(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.connection("me", "secret");
        protocol.attach(ACCOUNT, me); // before login, as the shell's session listener does
        me.connect().login();
        mine.set(me);
        return me;
    }

    private static ConversationKey with(String user) {
        return new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked(user + "@localhost"));
    }

    private StoredMessage stored(long id) {
        return store.byId(id).orElseThrow();
    }

    private void awaitState(long id, DeliveryState state) throws InterruptedException {
        Poll.until(WAIT, () -> stored(id).state() == state, () -> "message " + id + " is " + stored(id).state() + ", not " + state);
    }

    /** Collects the chat messages a plain client receives. */
    private static List<Message> inbox(XMPPConnection connection) {
        List<Message> inbox = new CopyOnWriteArrayList<>();
        ChatManager.getInstanceFor(connection).addIncomingListener((from, message, chat) -> inbox.add(message));
        return inbox;
    }

    @Test
    void ourMessageIsStoredFirstThenSentThenDeliveredWhenAliceConfirms(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<Message> aliceGot = inbox(alice);

        StoredMessage queued = outbox.submit(with("alice"), Optional.empty(), "Hello Alice 👋");

        assertEquals(DeliveryState.QUEUED, history.added().getFirst().state(), "shown from history before it went out");
        awaitState(queued.id(), DeliveryState.DELIVERED);
        Poll.until(WAIT, () -> aliceGot.size() == 1, "alice received nothing");
        Message received = aliceGot.getFirst();
        assertEquals("Hello Alice 👋", received.getBody());
        assertEquals(Message.Type.chat, received.getType());
        assertEquals(queued.stanzaId().orElseThrow(), received.getStanzaId());
        assertEquals(queued.stanzaId().orElseThrow(), OriginIdElement.getOriginId(received).getId());
        assertTrue(DeliveryReceiptManager.hasDeliveryReceiptRequest(received));
        List<DeliveryState> seen = history.changed().stream().map(StoredMessage::state).toList();
        assertEquals(DeliveryState.SENDING, seen.getFirst(), seen.toString());
        assertEquals(DeliveryState.DELIVERED, seen.getLast(), seen.toString());
    }

    @Test
    void aliceMessageIsInHistoryBeforeHerReceiptLeavesAndOnlyOnceWhenSheSendsItAgain(XmppTestClients clients)
            throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<String> receipts = new CopyOnWriteArrayList<>();
        List<Boolean> storedWhenAcknowledged = new CopyOnWriteArrayList<>();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> {
            receipts.add(id);
            storedWhenAcknowledged.add(store.newest(with("alice"), 10).stream().anyMatch(m -> m.body().equals("Are you there?")));
        });
        Message message = StanzaBuilder.buildMessage("alice-1")
                .to(JidCreate.entityBareFrom("me@localhost"))
                .ofType(Message.Type.chat)
                .setBody("Are you there?")
                .addExtension(new OriginIdElement("origin-alice-1"))
                .addExtension(new DeliveryReceiptRequest())
                .build();

        alice.sendStanza(message);
        Poll.until(WAIT, () -> receipts.size() == 1, "no receipt came back for alice's message");
        alice.sendStanza(message); // her client did not see the receipt and tries again
        Poll.until(WAIT, () -> receipts.size() == 2, "the resent copy was not acknowledged");

        assertEquals(List.of("alice-1", "alice-1"), receipts);
        assertEquals(List.of(true, true), storedWhenAcknowledged, "a receipt went out for a message not in history");
        List<StoredMessage> conversation = store.newest(with("alice"), 10);
        assertEquals(1, conversation.size(), conversation.toString());
        StoredMessage kept = conversation.getFirst();
        assertEquals(DeliveryState.RECEIVED, kept.state());
        assertTrue(kept.unread());
        assertEquals(Optional.of(alice.getUser().getResourceOrThrow().toString()), kept.resource());
        assertEquals(1, history.added().size(), "the copy was shown twice");
    }

    @Test
    void aStrangerGetsNoReceiptButTheMessageIsKept(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection bob = clients.login("bob");
        List<String> receipts = new CopyOnWriteArrayList<>();
        DeliveryReceiptManager.getInstanceFor(bob).addReceiptReceivedListener((from, to, id, stanza) -> receipts.add(id));
        bob.sendStanza(StanzaBuilder.buildMessage("bob-1").to(JidCreate.entityBareFrom("me@localhost"))
                .ofType(Message.Type.chat).setBody("Hi, remember me?").addExtension(new DeliveryReceiptRequest()).build());

        Poll.until(WAIT, () -> !store.newest(with("bob"), 1).isEmpty(), "bob's message was not stored");
        // A receipt would already be here: it goes out right after storing, on the same thread.
        Thread.sleep(300);
        assertTrue(receipts.isEmpty(), "a receipt tells a stranger we are online: " + receipts);
    }

    @Test
    void writingToSomeoneWhoDoesNotExistFailsWithASentence(XmppTestClients clients) throws Exception {
        me(clients);

        StoredMessage message = outbox.submit(with("nobody"), Optional.empty(), "Is anybody there?");

        awaitState(message.id(), DeliveryState.FAILED);
        assertEquals(Optional.of(ErrorSentences.forCondition(StanzaError.Condition.service_unavailable, Locale.ENGLISH)),
                stored(message.id()).error());
    }

    @Test
    void onlyAliceCanConfirmOrFailAMessageToAliceAndHerOfflineCopyArrivesWithItsTime(XmppTestClients clients)
            throws Exception {
        me(clients);
        StoredMessage message = outbox.submit(with("alice"), Optional.empty(), "For when you are back");
        awaitState(message.id(), DeliveryState.SENT); // the server holds it: alice is offline
        String id = message.stanzaId().orElseThrow();

        // bob guesses the id and forges a receipt and an error: neither may change our message.
        XMPPTCPConnection bob = clients.login("bob");
        BareJid me = JidCreate.bareFrom("me@localhost");
        bob.sendStanza(StanzaBuilder.buildMessage().to(me).ofType(Message.Type.chat).addExtension(new DeliveryReceipt(id)).build());
        bob.sendStanza(StanzaBuilder.buildMessage(id).to(me).ofType(Message.Type.error)
                .setError(StanzaError.getBuilder(StanzaError.Condition.item_not_found).build()).build());
        Message marker = StanzaBuilder.buildMessage("bob-marker").to(me).ofType(Message.Type.chat).setBody("after the forgeries").build();
        bob.sendStanza(marker);
        Poll.until(WAIT, () -> !store.newest(with("bob"), 1).isEmpty(), "bob's messages did not arrive");
        Thread.sleep(200); // the forgeries went before the marker; give their (asynchronous) handling time to finish
        assertEquals(DeliveryState.SENT, stored(message.id()).state());

        Instant beforeAlice = Instant.now();
        XMPPTCPConnection alice = clients.connection("alice", "secret");
        List<Message> aliceGot = inbox(alice);
        DeliveryReceiptManager.getInstanceFor(alice).setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.always);
        alice.connect().login();

        awaitState(message.id(), DeliveryState.DELIVERED);
        Poll.until(WAIT, () -> !aliceGot.isEmpty(), "alice did not get her offline message");
        assertNotNull(org.jivesoftware.smackx.delay.packet.DelayInformation.from(aliceGot.getFirst()));
        assertTrue(message.at().isBefore(beforeAlice));
    }

    @Test
    void aMessageFromAliceWhileWeWereOfflineKeepsTheTimeSheSentIt(XmppTestClients clients) throws Exception {
        XMPPTCPConnection alice = clients.login("alice");
        Instant sent = Instant.now();
        alice.sendStanza(StanzaBuilder.buildMessage("while-away").to(JidCreate.entityBareFrom("me@localhost"))
                .ofType(Message.Type.chat).setBody("Call me when you see this").build());
        Thread.sleep(1_100); // so that a time taken at delivery would differ from hers by more than a second

        me(clients);

        Poll.until(WAIT, () -> store.newest(with("alice"), 10).stream().anyMatch(m -> m.body().equals("Call me when you see this")),
                "the offline message was not delivered to history");
        StoredMessage kept = store.newest(with("alice"), 10).stream()
                .filter(m -> m.body().equals("Call me when you see this")).findFirst().orElseThrow();
        assertTrue(Duration.between(sent, kept.at()).abs().toMillis() < 1_000,
                "stored at " + kept.at() + ", sent at " + sent);
    }

    @Test
    void messagesWrittenWhileDisconnectedWaitAndGoOutOnceInOrderWhenBack(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<Message> aliceGot = inbox(alice);
        me.disconnect();

        List<StoredMessage> written = List.of(
                outbox.submit(with("alice"), Optional.empty(), "one"),
                outbox.submit(with("alice"), Optional.empty(), "two"),
                outbox.submit(with("alice"), Optional.empty(), "three"));
        for (StoredMessage message : written) {
            assertEquals(DeliveryState.QUEUED, stored(message.id()).state());
        }

        me.connect().login();
        outbox.flush(ACCOUNT);
        outbox.flush(ACCOUNT); // a second "connected" must not send anything twice

        for (StoredMessage message : written) {
            awaitState(message.id(), DeliveryState.DELIVERED);
        }
        Thread.sleep(300); // a duplicate would arrive right behind the originals
        assertEquals(List.of("one", "two", "three"), aliceGot.stream().map(Message::getBody).toList());
    }
}
