package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.IntStream;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.ChatStateManager;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
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
import welljabber.testsupport.storage.H2TestStorage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * The chat plugin's protocol side with history in a real H2, against a real Prosody: "me" runs the
 * plugin's code, alice and bob are plain Smack clients. me and alice see each other's presence (so
 * receipts flow between them); bob is a stranger.
 */
@WithProsody(accounts = {"me:secret", "alice:secret", "bob:secret"}, muc = false, setup = MeAndAliceAreContacts.class)
class ChatProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AccountId ACCOUNT = new AccountId("me-account");

    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final RecordingListener history = new RecordingListener();
    private final AtomicReference<XMPPConnection> mine = new AtomicReference<>();
    private final ChatProtocol protocol = new ChatProtocol(store, history, history, Locale.ENGLISH, Clock.systemUTC());
    private final Outbox outbox = new Outbox(store, history,
            account -> Optional.ofNullable(mine.get()).filter(XMPPConnection::isAuthenticated), Clock.systemUTC(), () -> true, Locale.ENGLISH);
    private final ChatStates chatStates = new ChatStates(
            account -> Optional.ofNullable(mine.get()).filter(XMPPConnection::isAuthenticated));

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
    void aConnectionThatSentMessagesIsNotKeptInMemoryOnceClosedAndLetGo(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = untracked(clients);
        List<StoredMessage> sent = IntStream.range(0, 20)
                .mapToObj(i -> outbox.submit(with("alice"), Optional.empty(), "kept? " + i)).toList();
        for (StoredMessage message : sent) {
            // Sent means the server acknowledged it: whatever waited for that has run.
            Poll.until(WAIT, () -> stored(message.id()).state() != DeliveryState.QUEUED
                    && stored(message.id()).state() != DeliveryState.SENDING, () -> "message " + message.id() + " not sent");
        }
        me.disconnect();
        java.lang.ref.WeakReference<XMPPTCPConnection> closed = letGo(me);
        me = null;
        assertCollected(closed);
    }

    @Test
    void aConnectionCutOffWhileTheServerHadNotAcknowledgedAllIsNotKeptInMemoryEither(XmppTestClients clients)
            throws Exception {
        XMPPTCPConnection me = untracked(clients);
        IntStream.range(0, 300).forEach(i -> outbox.submit(with("alice"), Optional.empty(), "cut off? " + i));
        AtomicReference<XMPPTCPConnection> cut = new AtomicReference<>(me); // cleared below: a lambda's copy would stay
        Poll.until(WAIT, () -> StanzaAcks.of(cut.get()).awaiting() > 0, "nothing went out");
        me.instantShutdown(); // no goodbye: what the server had not acknowledged never will be on this connection
        assertTrue(StanzaAcks.of(me).awaiting() > 0, "the server had acknowledged everything: the test cut the connection too late");
        cut.set(null);
        java.lang.ref.WeakReference<XMPPTCPConnection> closed = letGo(me);
        me = null;
        assertCollected(closed);
    }

    /** Me, logged in, not tracked by the test's clients (which would keep it for closing). */
    private XMPPTCPConnection untracked(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = new XMPPTCPConnection(clients.configBuilder("me", "secret").build());
        protocol.attach(ACCOUNT, me);
        me.connect().login();
        mine.set(me);
        return me;
    }

    /** Lets go of {@code closed} as the shell does; the caller drops its own reference next. */
    private java.lang.ref.WeakReference<XMPPTCPConnection> letGo(XMPPTCPConnection closed) {
        protocol.detach(closed);
        mine.set(null);
        return new java.lang.ref.WeakReference<>(closed);
    }

    private static void assertCollected(java.lang.ref.WeakReference<XMPPTCPConnection> closed) throws InterruptedException {
        Poll.until(WAIT, () -> {
            System.gc();
            return closed.get() == null;
        }, () -> "the closed connection is still in memory");
    }

    @Test
    void aliceMessageIsInHistoryBeforeHerReceiptLeavesAndOnlyOnceWhenSheSendsItAgain(XmppTestClients clients)
            throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<String> receipts = new CopyOnWriteArrayList<>();
        List<Boolean> storedWhenAcknowledged = new CopyOnWriteArrayList<>();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> {
            // What history held when the receipt came, recorded before the receipt is counted: the test
            // thread waits for the count and must find this already there.
            storedWhenAcknowledged.add(store.newest(with("alice"), 10).stream().anyMatch(m -> m.body().equals("Are you there?")));
            receipts.add(id);
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
    void onceThePluginLetGoOfTheConnectionNothingIsAcknowledgedForIt(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<String> receipts = new CopyOnWriteArrayList<>();
        DeliveryReceiptManager.getInstanceFor(alice).addReceiptReceivedListener((from, to, id, stanza) -> receipts.add(id));
        protocol.detach(me); // the plugin stops, the connection stays a moment longer (app exit, plugin turned off)

        alice.sendStanza(StanzaBuilder.buildMessage("after-detach").to(me.getUser()).ofType(Message.Type.chat)
                .setBody("anyone there?").addExtension(new DeliveryReceiptRequest()).build());
        // A round trip to me's connection after the message: an automatic receipt would have left by then.
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(alice).ping(me.getUser(), 5_000);
        Thread.sleep(500);

        assertEquals(List.of(), receipts, "a receipt for a message nobody stored");
        assertTrue(store.newest(with("alice"), 10).isEmpty());
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
        // A receipt would already be here: it goes out right after the commit that stored the message.
        Thread.sleep(300);
        assertTrue(receipts.isEmpty(), "a receipt tells a stranger we are online: " + receipts);
    }

    @Test
    void writingToSomeoneWhoDoesNotExistFailsWithASentence(XmppTestClients clients) throws Exception {
        me(clients);

        StoredMessage message = outbox.submit(with("nobody"), Optional.empty(), "Is anybody there?");

        awaitState(message.id(), DeliveryState.FAILED);
        assertEquals(Optional.of(ErrorSentences.forUndeliveredMessage(StanzaError.getBuilder(StanzaError.Condition.service_unavailable)
                .build(), Locale.ENGLISH)), stored(message.id()).error());
        assertTrue(stored(message.id()).error().orElseThrow().startsWith("The contact is offline and their server keeps no offline messages"),
                "the sentence says what happened to the message: " + stored(message.id()).error());
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
    void aDelayStampTheSenderPutInDoesNotDateHerMessage(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        Instant before = Instant.now();
        Message backdated = StanzaBuilder.buildMessage("backdated-1").to(JidCreate.entityBareFrom("me@localhost"))
                .ofType(Message.Type.chat).setBody("I said this three days ago, honestly")
                .addExtension(new org.jivesoftware.smackx.delay.packet.DelayInformation(
                        java.util.Date.from(before.minus(Duration.ofDays(3))), "alice@localhost/desk", null))
                .build();

        alice.sendStanza(backdated);
        Poll.until(WAIT, () -> !store.newest(with("alice"), 10).isEmpty(), "alice's message was not stored");

        Instant at = store.newest(with("alice"), 10).getFirst().at();
        assertFalse(at.isBefore(before.minusSeconds(5)), "dated by the sender's stamp: " + at);
    }

    @Test
    void messagesWrittenWhileDisconnectedWaitAndGoOutOnceInOrderWhenBack(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        List<Message> aliceGot = inbox(clients.login("alice"));
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
        assertGotOnceInOrder(List.of("one", "two", "three"), aliceGot);
    }

    @Test
    void whatAConnectionGivenUpWasSendingGoesOutWithTheNextOne(XmppTestClients clients) throws Exception {
        List<Message> aliceGot = inbox(clients.login("alice"));
        // Handed to a connection that was then closed for good before the server confirmed it.
        StoredMessage handed = store.insertOutgoing(with("alice"), Optional.empty(), "in flight", Instant.now(), "in-flight-1");
        store.changeState(handed.id(), DeliveryState.SENDING, Optional.empty());

        outbox.connectionGivenUp(ACCOUNT);
        assertEquals(DeliveryState.QUEUED, stored(handed.id()).state());
        assertEquals(DeliveryState.QUEUED, history.changed().getLast().state(), "shown as waiting again");
        me(clients);
        outbox.flush(ACCOUNT);

        awaitState(handed.id(), DeliveryState.DELIVERED);
        assertGotOnceInOrder(List.of("in flight"), aliceGot);
    }

    @Test
    void thousandsWrittenWhileDisconnectedAllGoOutOnceWhenBack(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        List<Message> aliceGot = inbox(clients.login("alice"));
        me.disconnect();
        int count = 3_000;
        List<StoredMessage> written = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(outbox.submit(with("alice"), Optional.empty(), "queued " + i));
        }

        me.connect().login();
        Thread flushing = Thread.ofVirtual().start(() -> outbox.flush(ACCOUNT));
        // More than Smack keeps for the server to acknowledge (1,000): sent in one go, its reader and
        // writer could end up waiting on each other's full queues, and nothing more would move.
        flushing.join(Duration.ofSeconds(60));
        if (flushing.isAlive()) {
            me.instantShutdown(); // a plain disconnect would hang on the full queue too, and the test run with it
            org.junit.jupiter.api.Assertions.fail("the flush is stuck: Smack's reader and writer wait on each other");
        }
        Poll.until(Duration.ofSeconds(60), () -> aliceGot.size() >= count, () -> "alice got " + aliceGot.size() + " of " + count);
        assertGotOnceInOrder(IntStream.range(0, count).mapToObj(i -> "queued " + i).toList(), aliceGot);
        Poll.until(Duration.ofSeconds(60), () -> written.stream().allMatch(m -> stored(m.id()).state() == DeliveryState.DELIVERED),
                () -> "not all delivered: " + written.stream().map(m -> stored(m.id()).state()).distinct().toList());
    }

    /** What a plain client got: exactly {@code bodies}, in order; a duplicate would arrive right behind the originals. */
    private static void assertGotOnceInOrder(List<String> bodies, List<Message> got) throws InterruptedException {
        Thread.sleep(300);
        assertEquals(bodies, got.stream().map(Message::getBody).toList());
    }

    private List<StoredMessage> conversation(String user) {
        return store.newest(with(user), 100);
    }

    private Optional<StoredMessage> find(String user, String body) {
        return conversation(user).stream().filter(m -> m.body().equals(body)).findFirst();
    }

    @Test
    void whatOurOtherClientSendsAndReceivesIsInHistoryToo(XmppTestClients clients, ProsodyServer server) throws Exception {
        me(clients);
        XMPPTCPConnection phone = clients.connection(LoopbackConnections.builder(server, "me", "secret", "phone").build());
        phone.connect().login();
        XMPPTCPConnection alice = clients.login("alice");
        // Carbons are turned on asynchronously after login: wait until the server has said yes.
        Poll.until(WAIT, () -> CarbonManager.getInstanceFor(mine.get()).getCarbonsEnabled(), "carbons were not enabled");

        ChatManager.getInstanceFor(phone).chatWith(JidCreate.entityBareFrom("alice@localhost")).send("Sent from my phone");
        alice.sendStanza(StanzaBuilder.buildMessage("to-phone").to(phone.getUser()).ofType(Message.Type.chat)
                .setBody("Only to your phone").build());

        Poll.until(WAIT, () -> find("alice", "Sent from my phone").isPresent() && find("alice", "Only to your phone").isPresent(),
                () -> "history has " + conversation("alice"));
        StoredMessage mineElsewhere = find("alice", "Sent from my phone").orElseThrow();
        assertTrue(mineElsewhere.outgoing());
        assertEquals(DeliveryState.SENT, mineElsewhere.state());
        StoredMessage theirs = find("alice", "Only to your phone").orElseThrow();
        assertTrue(!theirs.outgoing() && theirs.unread());
    }

    @Test
    void aCarbonForgedByAContactIsNotTakenAsOurs(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection bob = clients.login("bob");
        Poll.until(WAIT, () -> CarbonManager.getInstanceFor(mine.get()).getCarbonsEnabled(), "carbons were not enabled");
        List<Message> forgeriesSeen = new CopyOnWriteArrayList<>();
        mine.get().addAsyncStanzaListener(stanza -> forgeriesSeen.add((Message) stanza),
                stanza -> stanza instanceof Message m && "forged".equals(m.getStanzaId()) && CarbonExtension.from(m) != null);
        Message inner = StanzaBuilder.buildMessage("forged-inner").from(JidCreate.entityFullFrom("me@localhost/phone"))
                .to(JidCreate.entityBareFrom("alice@localhost")).ofType(Message.Type.chat).setBody("I owe bob 100 euros").build();
        bob.sendStanza(StanzaBuilder.buildMessage("forged").to(JidCreate.entityBareFrom("me@localhost")).ofType(Message.Type.chat)
                .addExtension(new CarbonExtension(CarbonExtension.Direction.sent, new Forwarded<>(inner))).build());
        bob.sendStanza(StanzaBuilder.buildMessage("marker").to(JidCreate.entityBareFrom("me@localhost")).ofType(Message.Type.chat)
                .setBody("marker").build());

        Poll.until(WAIT, () -> find("bob", "marker").isPresent(), "bob's marker did not arrive");
        // The listener above is an asynchronous one: it may hear of the forgery after the marker is stored.
        Poll.until(WAIT, () -> forgeriesSeen.size() == 1, "the server did not pass the forged carbon on, so this test proves nothing");
        assertTrue(find("alice", "I owe bob 100 euros").isEmpty(), "a forged carbon became our message");
        assertTrue(find("bob", "I owe bob 100 euros").isEmpty());
    }

    @Test
    void aCorrectionReplacesTheTextAndKeepsTheOriginalButOnlyItsSenderMayCorrect(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        XMPPTCPConnection bob = clients.login("bob");
        BareJid me = JidCreate.bareFrom("me@localhost");
        alice.sendStanza(StanzaBuilder.buildMessage("typo-1").to(me).ofType(Message.Type.chat).setBody("See you at 5pn").build());
        Poll.until(WAIT, () -> find("alice", "See you at 5pn").isPresent(), "alice's message did not arrive");

        bob.sendStanza(StanzaBuilder.buildMessage("bob-fix").to(me).ofType(Message.Type.chat).setBody("See you never")
                .addExtension(new MessageCorrectExtension("typo-1")).build());
        alice.sendStanza(StanzaBuilder.buildMessage("typo-2").to(me).ofType(Message.Type.chat).setBody("See you at 5pm")
                .addExtension(new MessageCorrectExtension("typo-1")).build());

        Poll.until(WAIT, () -> find("alice", "See you at 5pm").isPresent(), () -> "not corrected: " + conversation("alice"));
        StoredMessage corrected = find("alice", "See you at 5pm").orElseThrow();
        assertEquals(Optional.of("See you at 5pn"), corrected.original());
        assertEquals(1, conversation("alice").size(), "the correction became a second message");
        Poll.until(WAIT, () -> find("bob", "See you never").isPresent(), "bob's text must be kept, as his own message");

        // Ours: the correction goes out naming the original id, history keeps both texts.
        List<Message> aliceGot = inbox(alice);
        StoredMessage sent = outbox.submit(with("alice"), Optional.empty(), "Thanks, see you at 5pn");
        awaitState(sent.id(), DeliveryState.DELIVERED);
        assertTrue(outbox.correct(stored(sent.id()), "Thanks, see you at 5pm"));
        Poll.until(WAIT, () -> aliceGot.size() == 2, () -> "alice got " + aliceGot.size());
        MessageCorrectExtension replace = MessageCorrectExtension.from(aliceGot.get(1));
        assertEquals(sent.stanzaId().orElseThrow(), replace.getIdInitialMessage());
        assertEquals("Thanks, see you at 5pm", aliceGot.get(1).getBody());
        StoredMessage ours = stored(sent.id());
        assertEquals("Thanks, see you at 5pm", ours.body());
        assertEquals(Optional.of("Thanks, see you at 5pn"), ours.original());
        assertEquals(DeliveryState.DELIVERED, ours.state(), "a correction does not change how far the message got");
    }

    @Test
    void aCorrectionMadeWhileDisconnectedGoesOutAfterTheMessagesWhenBackAndOnlyOnce(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<Message> aliceGot = inbox(alice);
        StoredMessage sent = outbox.submit(with("alice"), Optional.empty(), "Meet at the statoin");
        awaitState(sent.id(), DeliveryState.DELIVERED);
        me.disconnect();

        // History changes at once, nothing is lost, the correction waits; a second correction replaces the first.
        assertTrue(outbox.correct(stored(sent.id()), "Meet at the staton"));
        assertTrue(outbox.correct(stored(sent.id()), "Meet at the station"));
        assertEquals("Meet at the station", stored(sent.id()).body());
        assertEquals(Optional.of("Meet at the statoin"), stored(sent.id()).original());
        StoredMessage later = outbox.submit(with("alice"), Optional.empty(), "I will be a bit late");
        assertEquals(1, store.ownCorrections().pending(ACCOUNT).size());

        me.connect().login();
        outbox.flush(ACCOUNT);
        outbox.flush(ACCOUNT);
        awaitState(later.id(), DeliveryState.DELIVERED);
        Poll.until(WAIT, () -> aliceGot.size() == 3, () -> "alice got " + aliceGot.stream().map(Message::getBody).toList());
        Poll.until(WAIT, () -> store.ownCorrections().pending(ACCOUNT).isEmpty(), "the correction is still waiting");
        assertGotOnceInOrder(List.of("Meet at the statoin", "I will be a bit late", "Meet at the station"), aliceGot);
        MessageCorrectExtension replace = MessageCorrectExtension.from(aliceGot.get(2));
        assertNotNull(replace, "the last one is not a correction");
        assertEquals(sent.stanzaId().orElseThrow(), replace.getIdInitialMessage());
    }

    @Test
    void correctingAMessageStillInTheOutboxSendsTheNewTextInstead(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = me(clients);
        List<Message> aliceGot = inbox(clients.login("alice"));
        me.disconnect();

        StoredMessage queued = outbox.submit(with("alice"), Optional.empty(), "Helo");
        assertTrue(outbox.correct(stored(queued.id()), "Hello"));
        assertEquals("Hello", stored(queued.id()).body());
        assertEquals(Optional.empty(), stored(queued.id()).original(), "the contact never saw the first text");
        assertTrue(store.ownCorrections().pending(ACCOUNT).isEmpty());

        me.connect().login();
        outbox.flush(ACCOUNT);
        awaitState(queued.id(), DeliveryState.DELIVERED);
        assertGotOnceInOrder(List.of("Hello"), aliceGot);
        assertEquals(null, MessageCorrectExtension.from(aliceGot.getFirst()));
    }

    @Test
    void onlyOurOwnStoredMessagesCanBeCorrected(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        alice.sendStanza(StanzaBuilder.buildMessage("hers-1").to(JidCreate.bareFrom("me@localhost")).ofType(Message.Type.chat)
                .setBody("Her words").build());
        Poll.until(WAIT, () -> find("alice", "Her words").isPresent(), "alice's message did not arrive");

        assertEquals(false, outbox.correct(find("alice", "Her words").orElseThrow(), "My words"));
        assertEquals("Her words", find("alice", "Her words").orElseThrow().body());
        assertTrue(store.ownCorrections().pending(ACCOUNT).isEmpty());
    }

    @Test
    void typingGoesBothWays(XmppTestClients clients) throws Exception {
        me(clients);
        XMPPTCPConnection alice = clients.login("alice");
        List<ChatState> aliceSaw = new CopyOnWriteArrayList<>();
        ChatStateManager.getInstance(alice).addChatStateListener((chat, state, message) -> aliceSaw.add(state));
        Chat toMe = ChatManager.getInstanceFor(alice).chatWith(JidCreate.entityBareFrom("me@localhost"));

        ChatStateManager.getInstance(alice).setCurrentState(ChatState.composing, toMe);
        Poll.until(WAIT, () -> history.peerStates().contains(new RecordingListener.PeerState(with("alice"), ChatState.composing)),
                () -> "seen: " + history.peerStates());
        ChatStateManager.getInstance(alice).setCurrentState(ChatState.paused, toMe);
        Poll.until(WAIT, () -> history.peerStates().contains(new RecordingListener.PeerState(with("alice"), ChatState.paused)),
                () -> "seen: " + history.peerStates());

        chatStates.send(with("alice"), ChatState.composing);
        Poll.until(WAIT, () -> aliceSaw.contains(ChatState.composing), () -> "alice saw " + aliceSaw);
        assertTrue(conversation("alice").stream().noneMatch(m -> m.body().isEmpty()), "a chat state is not a message");
    }
}
