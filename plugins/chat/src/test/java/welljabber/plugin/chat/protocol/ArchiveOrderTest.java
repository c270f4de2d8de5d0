package welljabber.plugin.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.store.WireMessage;
import welljabber.testsupport.storage.H2TestStorage;

/** The archive's order kept among what one catch-up stored, over a real H2 history. */
class ArchiveOrderTest {
    private static final AccountId ACCOUNT = new AccountId("acc");
    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final RecordingListener listener = new RecordingListener();
    private final ConversationKey alice = key("alice");
    private final ConversationKey bob = key("bob");
    private final ArchiveOrder order = new ArchiveOrder();

    ArchiveOrderTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    private static ConversationKey key(String user) {
        return new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked(user + "@localhost"));
    }

    private static WireMessage wire(ConversationKey key, String body, long millis) {
        return new WireMessage(key, false, Optional.empty(), body, Instant.ofEpochMilli(millis), Optional.empty(),
                Optional.of("o-" + body), Optional.empty());
    }

    /** What a catch-up does with one message of a page: store it if new, else tell where history has it. */
    private void fromArchive(ConversationKey key, String body, long millis, long seq) {
        WireMessage wire = wire(key, body, millis);
        Optional<StoredMessage> stored = store.insertMissed(wire, false, seq);
        order.passed(key, stored, stored.isPresent() ? Optional.empty() : store.placeInThisSession(wire));
    }

    private List<String> bodies(ConversationKey key) {
        return store.newest(key, 100).stream().map(StoredMessage::body).toList();
    }

    @Test
    void whatTheNewerPagesStoredGoesAfterALiveMessageAnOlderPageKnew() {
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(11_050));
        StoredMessage before = store.insertWire(wire(alice, "before", 11_179)).orElseThrow(); // came live
        long top = store.reserveSeqs(100);
        // Read newest page first: f2 and f3 (the archive's whole second), then the older page with "before", f0, f1.
        order.nextPage();
        fromArchive(alice, "f2", 11_000, top - 1);
        fromArchive(alice, "f3", 11_000, top);
        order.nextPage();
        fromArchive(alice, "before", 11_000, top - 4);
        fromArchive(alice, "f0", 11_000, top - 3);
        fromArchive(alice, "f1", 11_000, top - 2);
        assertEquals(List.of("f0", "f1", "f2", "f3", "before"), bodies(alice), "by stamps and numbers alone");

        order.keep(store, listener);
        assertEquals(List.of("before", "f0", "f1", "f2", "f3"), bodies(alice));
        assertEquals(before.place(), store.placeInThisSession(wire(alice, "before", 0)).orElseThrow(), "what history had is not moved");
        assertEquals(Instant.ofEpochMilli(11_179), store.newest(alice, 100).getLast().at(), "at the time of the one before");
        assertEquals(List.of("f0", "f1", "f2", "f3"), listener.changed().stream().map(StoredMessage::body).toList(),
                "the list hears of each move");
    }

    @Test
    void aMessageStoredLiveAfterTheBlockWasTakenStillComesFirstAndACopySentAgainChangesNothing() {
        store.insertWire(wire(alice, "from an earlier session", 19_500)).orElseThrow();
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(19_900));
        long top = store.reserveSeqs(100);
        // Kept offline for us, stamped to the second; stored only after catching up took its numbers.
        store.insertWire(wire(alice, "m0", 20_000)).orElseThrow();
        store.insertWire(wire(bob, "bob's", 20_500)).orElseThrow();
        order.nextPage();
        fromArchive(alice, "from an earlier session", 19_000, top - 5);
        fromArchive(alice, "m0", 20_000, top - 4);
        fromArchive(bob, "bob's", 20_000, top - 3);
        fromArchive(alice, "m1", 20_000, top - 2);
        fromArchive(alice, "m2", 20_000, top - 1);
        fromArchive(alice, "m0", 20_000, top); // sent again by a client that never got the server's answer
        order.keep(store, listener);
        assertEquals(List.of("from an earlier session", "m0", "m1", "m2"), bodies(alice));
        assertEquals(Instant.ofEpochMilli(20_001), store.newest(alice, 100).get(2).at(), "a moment after m0, its number being lower");
        assertEquals(List.of("bob's"), bodies(bob), "another conversation's messages place nothing");
        assertEquals(Instant.ofEpochMilli(20_001), store.newest(alice, 100).getLast().at());
    }
}
