package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
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
 * Catching up and back-filling from a real Prosody's message archive (mod_mam). "me" runs the
 * plugin's code (the desktop); "me/phone" is another client of the same account; alice is a contact.
 * Each test uses its own contact so the archive's contents of one test do not meet another's.
 */
@WithProsody(accounts = {"me:secret", "alice:secret", "carol:secret", "dave:secret"}, muc = false)
class ArchiveTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AccountId ACCOUNT = new AccountId("me-account");

    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final RecordingListener history = new RecordingListener();
    private final AtomicReference<XMPPConnection> desktop = new AtomicReference<>();
    private final ChatProtocol protocol = new ChatProtocol(store, history, history, Locale.ENGLISH, Clock.systemUTC());
    private final Archive archive = new Archive(protocol, store,
            account -> Optional.ofNullable(desktop.get()).filter(XMPPConnection::isAuthenticated), Clock.systemUTC());

    ArchiveTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        protocol.detachAll();
        storage.close();
    }

    private XMPPTCPConnection desktop(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.connection("me", "secret");
        protocol.attach(ACCOUNT, me);
        me.connect().login();
        desktop.set(me);
        return me;
    }

    private static ConversationKey with(String user) {
        return new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked(user + "@localhost"));
    }

    private List<String> bodies(String user) {
        return store.newest(with(user), 1000).stream().map(StoredMessage::body).toList();
    }

    @Test
    void whatHappenedWhileWeWereAwayComesFromTheArchiveOnceAfterEachConnect(XmppTestClients clients, ProsodyServer server)
            throws Exception {
        XMPPTCPConnection phone = clients.connection(LoopbackConnections.builder(server, "me", "secret", "phone").build());
        phone.connect().login();
        XMPPTCPConnection carol = clients.login("carol");
        List<String> carolGot = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatManager.getInstanceFor(carol).addIncomingListener((from, message, chat) -> carolGot.add(message.getBody()));
        Chat phoneToCarol = ChatManager.getInstanceFor(phone).chatWith(JidCreate.entityBareFrom("carol@localhost"));
        phoneToCarol.send("phone 1");
        phoneToCarol.send("phone 2");
        Poll.until(WAIT, () -> carolGot.size() == 2, "carol did not get the phone's messages"); // so hers comes after them
        // Sent to the phone's own address: only the phone and the archive ever see it.
        carol.sendStanza(StanzaBuilder.buildMessage().to(phone.getUser()).ofType(Message.Type.chat).setBody("carol to phone").build());
        Poll.until(WAIT, () -> phone.isAuthenticated(), "phone");
        Thread.sleep(200); // let the server archive the last one

        XMPPTCPConnection me = desktop(clients);
        assertEquals(3, archive.catchUp(ACCOUNT));
        assertEquals(List.of("phone 1", "phone 2", "carol to phone"), bodies("carol"));
        List<StoredMessage> stored = store.newest(with("carol"), 10);
        assertTrue(stored.get(0).outgoing() && stored.get(1).outgoing() && !stored.get(2).outgoing());
        assertEquals(DeliveryState.SENT, stored.get(0).state());
        assertFalse(stored.get(2).unread(), "a new client's first page of the archive is history, not news");
        assertEquals(0, archive.catchUp(ACCOUNT), "asking again brings nothing new");

        // Away again: the phone goes on, the desktop catches up from where it stopped.
        me.disconnect();
        phoneToCarol.send("phone 3");
        Thread.sleep(200);
        me.connect().login();
        assertEquals(1, archive.catchUp(ACCOUNT));
        assertEquals(List.of("phone 1", "phone 2", "carol to phone", "phone 3"), bodies("carol"));
        assertEquals(4, history.added().size(), "each message shown once");
    }

    @Test
    void scrollingPastLocalHistoryFetchesOlderPagesUntilTheArchiveHasNoMore(XmppTestClients clients, ProsodyServer server)
            throws Exception {
        XMPPTCPConnection phone = clients.connection(LoopbackConnections.builder(server, "me", "secret", "phone").build());
        phone.connect().login();
        XMPPTCPConnection dave = clients.login("dave");
        for (int i = 0; i < 250; i++) {
            dave.sendStanza(StanzaBuilder.buildMessage("dave-" + i).to(phone.getUser()).ofType(Message.Type.chat)
                    .setBody("m" + i).build());
        }
        Thread.sleep(500);

        assertEquals(OptionalInt.empty(), archive.backFill(with("dave"), Optional.empty()),
                "offline, the archive could not be asked: that is no answer, not the top of the conversation");
        desktop(clients);
        // The server decides the page size (Prosody answers at most 50 by default), not us.
        int first = archive.catchUp(ACCOUNT);
        assertTrue(first > 0 && first <= Archive.PAGE, "an empty history starts with the archive's newest page: " + first);
        List<String> expected = IntStream.range(0, 250).mapToObj(i -> "m" + i).toList();
        assertEquals(expected.subList(250 - first, 250), bodies("dave"));

        List<Integer> fetched = new ArrayList<>();
        int got;
        do {
            StoredMessage oldest = store.newest(with("dave"), 1000).getFirst();
            got = archive.backFill(with("dave"), Optional.of(oldest)).orElseThrow(() -> new AssertionError("the archive was not asked"));
            fetched.add(got);
        } while (got > 0 && fetched.size() < 20);
        assertEquals(0, fetched.getLast(), "the archive ran dry: " + fetched);
        assertEquals(250 - first, fetched.stream().mapToInt(Integer::intValue).sum(), fetched.toString());
        assertTrue(fetched.size() > 2, "back-filling took several pages: " + fetched);
        assertEquals(expected, bodies("dave"), "all of the archive, in order, once");
        assertEquals(java.util.Map.of(), store.unreadCounts(), "older history the user scrolled to is not unread");
    }

    /** Logs in "me/phone", which stays online while the desktop is away, and counts what it receives. */
    /** "me/phone", another client of the desktop's account, and the bodies it received. */
    private record Phone(XMPPTCPConnection connection, List<String> got) {
        org.jxmpp.jid.EntityFullJid address() {
            return connection.getUser();
        }
    }

    private static Phone phone(XmppTestClients clients, ProsodyServer server) throws Exception {
        XMPPTCPConnection phone = clients.connection(LoopbackConnections.builder(server, "me", "secret", "phone").build());
        phone.connect().login();
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatManager.getInstanceFor(phone).addIncomingListener((from, message, chat) -> received.add(message.getBody()));
        return new Phone(phone, received);
    }

    private static Message chat(String id, org.jxmpp.jid.Jid to, String body) {
        return StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    /** A chat message the server copies to none of the recipient's other clients (XEP-0280 §6). */
    private static Message privateChat(String id, org.jxmpp.jid.Jid to, String body) {
        return StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat).setBody(body)
                .addExtension(org.jivesoftware.smackx.carbons.packet.CarbonExtension.Private.INSTANCE).build();
    }

    /**
     * The desktop knew frank's conversation, was away while 180 messages came (several of the server's
     * pages, many sharing a second), and on its return got one live message before catching up: the
     * live one must not end catching up, and back-filled pages must sort below the pages after them.
     * Its own server: catching up stops at the page that starts in known history, so no other test's
     * messages may sit in the archive where this test's history does not know them.
     */
    @Nested
    @WithProsody(accounts = {"me:secret", "frank:secret"}, muc = false)
    class AfterALongAbsence {
        @Test
        void everythingMissedArrivesOnceInOrderAndALiveMessageOnTopDoesNotStopIt(XmppTestClients clients, ProsodyServer server)
                throws Exception {
            Phone phone = phone(clients, server);
            XMPPTCPConnection frank = clients.login("frank");
            XMPPTCPConnection me = desktop(clients);
            frank.sendStanza(chat("frank-before", me.getUser(), "before"));
            Poll.until(WAIT, () -> bodies("frank").contains("before"), "the desktop did not get frank's first message");
            assertTrue(store.newestServerId(ACCOUNT).isPresent(), "history knows where it stands in the archive");

            me.disconnect();
            List<String> missed = IntStream.range(0, 180).mapToObj(i -> "f" + i).toList();
            for (int i = 0; i < missed.size(); i++) {
                frank.sendStanza(chat("frank-" + i, phone.address(), missed.get(i)));
            }
            Poll.until(WAIT, () -> phone.got().containsAll(missed), "the phone did not get frank's messages");
            me.connect().login();
            frank.sendStanza(chat("frank-live", me.getUser(), "live on top"));
            Poll.until(WAIT, () -> bodies("frank").contains("live on top"), "the desktop did not get the live message");

            assertEquals(180, archive.catchUp(ACCOUNT));
            List<String> conversation = bodies("frank");
            assertEquals(182, conversation.size(), conversation.toString());
            assertEquals(missed, conversation.stream().filter(body -> body.startsWith("f")).toList(), "the archive's order");
            assertEquals("live on top", conversation.getLast());
            assertEquals(java.util.Map.of(with("frank"), 182), store.unreadCounts(), "what came while away is news");
            assertEquals(0, archive.catchUp(ACCOUNT), "asking again brings nothing new");
            assertEquals(182, history.added().stream().filter(message -> message.key().equals(with("frank"))).count(),
                    "each message shown once");
        }
    }

    /** Catching up with a limit of two pages after an absence of more: the newest pages come, not the oldest. */
    @Nested
    @WithProsody(accounts = {"me:secret", "erin:secret"}, muc = false)
    class BeyondTheLimit {
        @Test
        void theNewestMessagesComeFirst(XmppTestClients clients, ProsodyServer server) throws Exception {
            Archive twoPages = new Archive(protocol, store,
                    account -> Optional.ofNullable(desktop.get()).filter(XMPPConnection::isAuthenticated), Clock.systemUTC(), 2);
            Phone phone = phone(clients, server);
            XMPPTCPConnection erin = clients.login("erin");
            XMPPTCPConnection me = desktop(clients);
            erin.sendStanza(chat("erin-before", me.getUser(), "before"));
            Poll.until(WAIT, () -> bodies("erin").contains("before"), "the desktop did not get erin's first message");

            me.disconnect();
            List<String> missed = IntStream.range(0, 250).mapToObj(i -> "e" + i).toList();
            for (int i = 0; i < missed.size(); i++) {
                erin.sendStanza(chat("erin-" + i, phone.address(), missed.get(i)));
            }
            Poll.until(WAIT, () -> phone.got().containsAll(missed), "the phone did not get erin's messages");
            me.connect().login();

            // Two of the server's pages (it decides their size: Prosody answers 50), then two more from where
            // that stopped: fewer than were missed.
            int got = twoPages.catchUp(ACCOUNT);
            assertTrue(got > 0 && got < missed.size(), "two pages and two of the gap: " + got);
            List<String> conversation = bodies("erin");
            assertEquals(got + 1, conversation.size(), conversation.toString());
            assertTrue(conversation.contains("before"));
            assertEquals(missed.subList(missed.size() - got, missed.size()),
                    conversation.stream().filter(body -> body.startsWith("e")).toList(), "the newest, in order");
            assertEquals(1, store.archiveGaps().of(ACCOUNT).size(), "where it stopped is kept");

            // The next catch-ups go on from there until the gap is closed: nothing missed stays missing.
            int more = twoPages.catchUp(ACCOUNT);
            assertEquals(missed.size() - got, more, "the rest of the gap");
            List<String> whole = bodies("erin");
            assertEquals(missed.size() + 1, whole.size(), whole.toString());
            // (Not where "before" sorts: the desktop's session that saw it lasted less than a second, and what
            // the archive stamps with that second may have come before it; see PlaceInItsSecond.)
            assertTrue(whole.contains("before"));
            assertEquals(missed, whole.stream().filter(body -> body.startsWith("e")).toList(), "everything once, in the archive's order");
            assertEquals(List.of(), store.archiveGaps().of(ACCOUNT), "the gap is closed");
            assertEquals(0, twoPages.catchUp(ACCOUNT), "nothing more to fetch");
            assertEquals(251, history.added().stream().filter(message -> message.key().equals(with("erin"))).count(),
                    "each message shown once");
        }
    }

    /** Its own server: catching up in the other tests reads the account's newest page, which this one fills. */
    @Nested
    @WithProsody(accounts = {"me:secret", "alice:secret"}, muc = false)
    class PagesWithNothingToShow {
        @Test
        void scrollingUpPastPagesOfReceiptsStillReachesTheMessagesBeforeThem(XmppTestClients clients, ProsodyServer server)
                throws Exception {
            Phone phone = phone(clients, server);
            XMPPTCPConnection alice = clients.login("alice");
            for (int i = 0; i < 5; i++) {
                alice.sendStanza(chat("alice-old-" + i, phone.address(), "old " + i));
            }
            // Then more than two of the server's pages with nothing to show (receipts, kept by the archive as
            // their hint asks), then one message.
            for (int i = 0; i < 120; i++) {
                alice.sendStanza(StanzaBuilder.buildMessage("alice-receipt-" + i).to(phone.address()).ofType(Message.Type.chat)
                        .addExtension(new org.jivesoftware.smackx.receipts.DeliveryReceipt("phone-" + i))
                        .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("store", "urn:xmpp:hints").build())
                        .build());
            }
            alice.sendStanza(chat("alice-new", phone.address(), "new"));
            Poll.until(WAIT, () -> phone.got().contains("new"), "the phone did not get alice's last message");
            Thread.sleep(200); // let the server archive it

            desktop(clients);
            assertEquals(OptionalInt.of(1), archive.backFill(with("alice"), Optional.empty()), "the newest page has one message to show");
            assertEquals(OptionalInt.of(5), archive.backFill(with("alice"), store.newest(with("alice"), 1).stream().findFirst()),
                    "scrolling up stopped at the receipts");
            assertEquals(List.of("old 0", "old 1", "old 2", "old 3", "old 4", "new"), bodies("alice"));
        }
    }

    /**
     * A message seen live has our clock's milliseconds; what the server kept while we were away is stamped
     * to the second (Prosody's offline storage and archive). Missed in the second of the last message seen,
     * it must still come after it. Each test waits for a second to start, so both fall in one; if the
     * machine was too slow for that, it tries again, and says so if it never managed.
     */
    @Nested
    @WithProsody(accounts = {"me:secret", "gina:secret", "hank:secret", "ivan:secret"}, muc = false)
    class WithinOneSecond {
        private static final int ATTEMPTS = 5;

        @Test
        void aMessageKeptOfflineInTheSecondOfTheLastOneSeenComesAfterIt(XmppTestClients clients) throws Exception {
            XMPPTCPConnection gina = clients.login("gina");
            XMPPTCPConnection me = desktop(clients);
            missedInTheSecondOfTheLastSeenComesAfterIt("gina", gina, me, new Missing() {
                @Override
                public String sendWhileAway(int attempt) throws Exception {
                    gina.sendStanza(chat("gina-kept-" + attempt, me.getUser().asBareJid(), "kept offline " + attempt));
                    return "kept offline " + attempt;
                }

                @Override
                public void fetch(String missed) throws Exception {
                    Poll.until(WAIT, () -> bodies("gina").contains(missed), "offline storage did not deliver " + missed);
                }
            });
        }

        @Test
        void aMessageMissedInTheSecondOfTheLastOneSeenComesFromTheArchiveAfterIt(XmppTestClients clients, ProsodyServer server)
                throws Exception {
            Phone phone = phone(clients, server);
            XMPPTCPConnection hank = clients.login("hank");
            XMPPTCPConnection me = desktop(clients);
            missedInTheSecondOfTheLastSeenComesAfterIt("hank", hank, me, new Missing() {
                @Override
                public String sendWhileAway(int attempt) throws Exception {
                    // To the phone's own address: the desktop gets it only from the archive.
                    hank.sendStanza(chat("hank-missed-" + attempt, phone.address(), "to the phone " + attempt));
                    return "to the phone " + attempt;
                }

                @Override
                public void fetch(String missed) throws Exception {
                    archive.catchUp(ACCOUNT);
                    assertTrue(bodies("hank").contains(missed), "catching up did not bring " + missed);
                }
            });
        }

        /**
         * A message stored live, then two after it that the desktop has only from the archive, all in one
         * second: what a late storing thread leaves when catching up runs during a burst (the live ones
         * after the first not stored yet when the archive's page comes back). The live one has our clock's
         * milliseconds, the archive's two their whole second; the archive's order must win.
         */
        @Test
        void messagesTheArchiveBringsAfterOneStoredLiveInTheirSecondComeAfterIt(XmppTestClients clients, ProsodyServer server)
                throws Exception {
            Phone phone = phone(clients, server);
            XMPPTCPConnection ivan = clients.login("ivan");
            XMPPTCPConnection me = desktop(clients);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String live = "live " + attempt;
                String next = "next " + attempt;
                String last = "last " + attempt;
                startOfASecond();
                ivan.sendStanza(chat("ivan-live-" + attempt, me.getUser(), live));
                Poll.until(WAIT, () -> bodies("ivan").contains(live), "the desktop did not get " + live);
                // To the phone, marked private so the server sends the desktop no carbon copy: the archive only.
                ivan.sendStanza(privateChat("ivan-next-" + attempt, phone.address(), next));
                ivan.sendStanza(privateChat("ivan-last-" + attempt, phone.address(), last));
                Poll.until(WAIT, () -> phone.got().contains(last), "the phone did not get " + last);
                Thread.sleep(100); // let the server archive it
                archive.catchUp(ACCOUNT);
                assertTrue(bodies("ivan").contains(last), "catching up did not bring " + last);
                if (inOneSecond("ivan", live, last)) {
                    List<String> conversation = bodies("ivan");
                    assertEquals(List.of(live, next, last), conversation.subList(conversation.size() - 3, conversation.size()));
                    return;
                }
            }
            throw new AssertionError("in " + ATTEMPTS + " attempts the three messages never fell in one second");
        }

        /** A message the desktop misses while away, and how it gets it once back. */
        private interface Missing {
            String sendWhileAway(int attempt) throws Exception;

            void fetch(String missed) throws Exception;
        }

        private void missedInTheSecondOfTheLastSeenComesAfterIt(String user, XMPPTCPConnection contact, XMPPTCPConnection me,
                Missing missing) throws Exception {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String seen = "seen " + attempt;
                startOfASecond();
                contact.sendStanza(chat(user + "-seen-" + attempt, me.getUser(), seen));
                Poll.until(WAIT, () -> bodies(user).contains(seen), "the desktop did not get " + seen);
                me.disconnect();
                String missed = missing.sendWhileAway(attempt);
                Thread.sleep(100); // let the server keep it before we are back
                me.connect().login();
                missing.fetch(missed);
                if (inOneSecond(user, seen, missed)) {
                    List<String> conversation = bodies(user);
                    assertEquals(List.of(seen, missed), conversation.subList(conversation.size() - 2, conversation.size()));
                    return;
                }
            }
            throw new AssertionError("in " + ATTEMPTS + " attempts the two messages never fell in one second");
        }

        private static void startOfASecond() throws InterruptedException {
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
        }

        private boolean inOneSecond(String user, String first, String second) {
            List<StoredMessage> stored = store.newest(with(user), 1000);
            long firstSecond = stored.stream().filter(m -> m.body().equals(first)).findFirst().orElseThrow().at().getEpochSecond();
            long secondSecond = stored.stream().filter(m -> m.body().equals(second)).findFirst().orElseThrow().at().getEpochSecond();
            return firstSecond == secondSecond;
        }
    }
}
