package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.testsupport.storage.H2TestStorage;

class MessageStoreTest {
    private static final AccountId ACCOUNT = new AccountId("acc-1");
    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final ConversationKey alice = key("alice@localhost");
    private final ConversationKey bob = key("bob@localhost");

    MessageStoreTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    private static ConversationKey key(String jid) {
        return new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked(jid));
    }

    private static WireMessage from(ConversationKey key, String body, long millis, String stanzaId, String originId) {
        return new WireMessage(key, false, Optional.of("phone"), body, Instant.ofEpochMilli(millis),
                Optional.ofNullable(stanzaId), Optional.ofNullable(originId), Optional.empty());
    }

    private static WireMessage archived(WireMessage message, long millis, String serverId) {
        return new WireMessage(message.key(), message.outgoing(), message.resource(), message.body(), Instant.ofEpochMilli(millis),
                message.stanzaId(), message.originId(), Optional.of(serverId));
    }

    @Test
    void theSameMessageIsStoredOnceWhicheverWayItComesAgain() {
        assertTrue(store.insertWire(from(alice, "hi", 1000, "s1", "o1")).isPresent());
        // Resent with a new stanza id but the same origin-id: the same message.
        assertTrue(store.insertWire(from(alice, "hi", 2000, "s2", "o1")).isEmpty());
        // No origin-id: the stanza id decides.
        assertTrue(store.insertWire(from(alice, "yo", 3000, "s3", null)).isPresent());
        assertTrue(store.insertWire(from(alice, "yo", 3000, "s3", null)).isEmpty());
        // Neither: sender, time and body decide.
        assertTrue(store.insertWire(from(alice, "plain", 4000, null, null)).isPresent());
        assertTrue(store.insertWire(from(alice, "plain", 4000, null, null)).isEmpty());
        assertTrue(store.insertWire(from(alice, "plain", 4001, null, null)).isPresent(), "a later identical text is a new message");
        // The same ids from another contact are another message.
        assertTrue(store.insertWire(from(bob, "hi", 1000, "s1", "o1")).isPresent());

        assertEquals(List.of("hi", "yo", "plain", "plain"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void aStanzaIdUsedAgainForAnotherTextIsAnotherMessage() {
        // A client that counts its ids from 1 each session: "m1" today is not yesterday's "m1".
        assertTrue(store.insertWire(from(alice, "yesterday's first", 1000, "m1", null)).isPresent());
        assertTrue(store.insertWire(from(alice, "today's first", 90_000_000, "m1", null)).isPresent());
        // Sent again after a lost receipt, a little later: the same id and text, the same message.
        assertTrue(store.insertWire(from(alice, "today's first", 90_005_000, "m1", null)).isEmpty());

        assertEquals(List.of("yesterday's first", "today's first"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void aMessageStoredUnderItsIdAloneIsStillKnownAfterTheMigration() {
        store.insertWire(from(alice, "from before the update 你好", 1000, "m7", null));
        store.insertWire(from(alice, "corrected later", 2000, "m8", null));
        store.insertWire(from(alice, "with an origin-id", 3000, "m9", "o9"));
        // As an older version stored them: the id alone.
        storage.withConnection(connection -> {
            try (var old = connection.createStatement()) {
                old.executeUpdate("UPDATE MESSAGE SET DEDUPE_KEY = 'i:' || STANZA_ID WHERE DEDUPE_KEY LIKE 'i:%'");
                old.executeUpdate("UPDATE MESSAGE SET ORIGINAL_BODY = BODY, BODY = 'the new text' WHERE STANZA_ID = 'm8'");
            }
            return null;
        });
        String migration = ChatSchema.migrations().stream().filter(m -> m.version() == 25).findFirst().orElseThrow().sql();
        storage.withConnection(connection -> {
            try (var update = connection.createStatement()) {
                return update.executeUpdate(migration);
            }
        });

        // The archive brings them again, with the text they first came with.
        assertTrue(store.insertWire(from(alice, "from before the update 你好", 1000, "m7", null)).isEmpty());
        assertTrue(store.insertWire(from(alice, "corrected later", 2000, "m8", null)).isEmpty());
        assertTrue(store.insertWire(from(alice, "with an origin-id", 3000, "m9", "o9")).isEmpty());
        assertEquals(3, store.newest(alice, 10).size());
    }

    @Test
    void theMigrationDigestsTextsAsTheKeysDo() {
        for (String body : List.of("hi", "你好，世界 👋", "a".repeat(70_000), "line one\nline two")) {
            String inSql = storage.withConnection(connection -> {
                try (var select = connection.prepareStatement("SELECT LEFT(LOWER(RAWTOHEX(HASH('SHA-256', ?))), 16)")) {
                    select.setString(1, body);
                    try (var rows = select.executeQuery()) {
                        rows.next();
                        return rows.getString(1);
                    }
                }
            });
            assertEquals(DedupeKey.bodyDigest(body), inSql, "for a body of " + body.length() + " characters");
        }
    }

    @Test
    void oneTransactionKeepsDuplicatesAndCorrectionsApartAndIsSeenByOthersOnlyWhenCommitted() {
        store.insertWire(from(alice, "before", 500, "s0", "o0"));
        List<Optional<StoredMessage>> stored = store.inOneTransaction(batch -> {
            Optional<StoredMessage> first = batch.insertWire(from(alice, "one", 1000, "s1", "o1"));
            Optional<StoredMessage> again = batch.insertWire(from(alice, "one", 1001, "s1b", "o1"));
            Optional<StoredMessage> corrected = batch.correct(alice, false, "s0", "before, corrected");
            Optional<StoredMessage> second = batch.insertWire(from(alice, "two", 2000, "s2", "o2"));
            // Another connection (the list reading a page) does not see the batch before its commit.
            assertEquals(List.of("before"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
            return List.of(first, again, corrected, second);
        });
        assertTrue(stored.get(0).isPresent());
        assertTrue(stored.get(1).isEmpty(), "the duplicate inside the batch is recognised and the batch goes on");
        assertEquals("before, corrected", stored.get(2).orElseThrow().body());
        assertTrue(stored.get(3).isPresent());
        assertEquals(List.of("before, corrected", "one", "two"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void aTransactionThatFailsLeavesNothingOfItsMessages() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inOneTransaction(batch -> {
            batch.insertWire(from(alice, "lost with the batch", 1000, "s1", "o1"));
            throw new IllegalStateException("the commit never comes");
        }));
        assertEquals("the commit never comes", thrown.getMessage());
        assertEquals(List.of(), store.newest(alice, 10));
        assertTrue(store.insertWire(from(alice, "lost with the batch", 1000, "s1", "o1")).isPresent(), "not remembered as seen either");
    }

    @Test
    void theArchiveCopyOfAMessageWeHaveIsRecognisedAndTellsUsItsArchiveId() {
        // Live, without any id, stamped with our time; the archive's copy has the server's time.
        WireMessage live = new WireMessage(alice, false, Optional.empty(), "no ids at all", Instant.ofEpochMilli(1000),
                Optional.empty(), Optional.empty(), Optional.of("archive-1"));
        assertTrue(store.insertWire(live).isPresent());
        assertTrue(store.insertWire(archived(live, 990, "archive-1")).isEmpty(), "the archive id makes it the same message");

        WireMessage withOrigin = from(alice, "with origin", 2000, "s9", "o9");
        assertTrue(store.insertWire(withOrigin).isPresent());
        assertEquals(Optional.of("archive-1"), store.newestServerId(ACCOUNT));
        assertTrue(store.insertWire(archived(withOrigin, 1995, "archive-2")).isEmpty());
        assertEquals(Optional.of("archive-2"), store.newestServerId(ACCOUNT), "the known copy learned its archive id");
        assertEquals(Optional.of("archive-1"), store.oldestServerId(alice));
        assertEquals(2, store.newest(alice, 10).size());
    }

    @Test
    void pagesComeNewestFirstInTimeOrderAndMeetWithoutGapsOrOverlap() {
        for (int i = 0; i < 250; i++) {
            // Two messages per millisecond: the row id breaks the tie.
            store.insertWire(from(alice, "m" + i, 10_000 + i / 2, null, "o" + i));
        }
        store.insertWire(from(bob, "other", 10_050, null, "x"));

        List<StoredMessage> newest = store.newest(alice, 100);
        assertEquals("m150", newest.getFirst().body());
        assertEquals("m249", newest.getLast().body());
        List<StoredMessage> before = store.before(newest.getFirst(), 100);
        assertEquals("m50", before.getFirst().body());
        assertEquals("m149", before.getLast().body());
        List<StoredMessage> oldest = store.before(before.getFirst(), 100);
        assertEquals(50, oldest.size());
        assertEquals("m0", oldest.getFirst().body());
        assertTrue(store.before(oldest.getFirst(), 100).isEmpty());
    }

    @Test
    void pagesAfterAMessageComeOldestFirstAcrossBusySecondsAndLongSilences() {
        long year = 365L * 24 * 3600 * 1000;
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            // Three to a millisecond at first, then a message a second, then years apart: the windows the
            // page's end is looked for in have to grow past each silence.
            long at = i < 90 ? 10_000 + i / 3 : i < 200 ? 1_000_000 + i * 1000L : 1_000_000 + (i - 199) * 3 * year;
            store.insertWire(from(alice, "m" + i, at, null, "o" + i));
            expected.add("m" + i);
            if (i % 50 == 0) {
                store.insertWire(from(bob, "other " + i, at, null, "x" + i)); // another conversation, same times
            }
        }
        StoredMessage first = store.before(store.newest(alice, 1).getFirst(), 229).getFirst();
        assertEquals("m0", first.body());

        List<String> read = new java.util.ArrayList<>(List.of(first.body()));
        StoredMessage last = first;
        List<Integer> sizes = new java.util.ArrayList<>();
        while (true) {
            List<StoredMessage> page = store.after(last, 40);
            sizes.add(page.size());
            if (page.isEmpty()) {
                break;
            }
            page.forEach(message -> read.add(message.body()));
            last = page.getLast();
        }
        assertEquals(expected, read, "pages after a message skipped, repeated or reordered messages");
        assertEquals(List.of(40, 40, 40, 40, 40, 29, 0), sizes);
        // In the middle of a millisecond's three: the next page starts with the third.
        StoredMessage second = store.before(store.newest(alice, 1).getFirst(), 228).getFirst();
        assertEquals("m1", second.body());
        assertEquals(List.of("m2", "m3"), store.after(second, 2).stream().map(StoredMessage::body).toList());
    }

    @Test
    void deliveryOnlyMovesForwardAndFailureKeepsItsSentence() {
        StoredMessage queued = store.insertOutgoing(alice, Optional.empty(), "hello", Instant.ofEpochMilli(5), "id-1");
        assertEquals(DeliveryState.QUEUED, queued.state());
        assertEquals(DeliveryState.SENDING, store.changeState(queued.id(), DeliveryState.SENDING, Optional.empty()).orElseThrow().state());
        assertEquals(DeliveryState.DELIVERED, store.changeState(queued.id(), DeliveryState.DELIVERED, Optional.empty()).orElseThrow().state());
        // A late server acknowledgement after the receipt changes nothing.
        assertTrue(store.changeState(queued.id(), DeliveryState.SENT, Optional.empty()).isEmpty());
        assertEquals(DeliveryState.DELIVERED, store.byId(queued.id()).orElseThrow().state());

        StoredMessage doomed = store.insertOutgoing(alice, Optional.empty(), "to nobody", Instant.ofEpochMilli(6), "id-2");
        store.changeState(doomed.id(), DeliveryState.SENDING, Optional.empty());
        StoredMessage failed = store.changeState(doomed.id(), DeliveryState.FAILED, Optional.of("No such person.")).orElseThrow();
        assertEquals(Optional.of("No such person."), failed.error());
        assertEquals(Optional.of("No such person."), store.byId(doomed.id()).orElseThrow().error());
        assertTrue(store.changeState(doomed.id(), DeliveryState.DELIVERED, Optional.empty()).isEmpty());
    }

    @Test
    void theOutboxHoldsQueuedMessagesInOrderAndGetsBackWhatAKilledRunLeftUnconfirmed() {
        StoredMessage first = store.insertOutgoing(alice, Optional.empty(), "1", Instant.ofEpochMilli(1), "a");
        StoredMessage second = store.insertOutgoing(bob, Optional.empty(), "2", Instant.ofEpochMilli(2), "b");
        StoredMessage third = store.insertOutgoing(alice, Optional.empty(), "3", Instant.ofEpochMilli(3), "c");
        store.changeState(second.id(), DeliveryState.SENDING, Optional.empty());
        store.changeState(third.id(), DeliveryState.SENDING, Optional.empty());
        store.changeState(third.id(), DeliveryState.SENT, Optional.empty());
        assertEquals(List.of(first.id()), store.queued(ACCOUNT).stream().map(StoredMessage::id).toList());

        assertEquals(1, store.requeueUnconfirmed());
        assertEquals(List.of(first.id(), second.id()), store.queued(ACCOUNT).stream().map(StoredMessage::id).toList());
        assertTrue(store.queued(new AccountId("another")).isEmpty());
    }

    @Test
    void receiptsAndErrorsFindOnlyOurMessageToThatContact() {
        StoredMessage ours = store.insertOutgoing(alice, Optional.empty(), "hi", Instant.ofEpochMilli(1), "same-id");
        store.insertWire(from(alice, "theirs", 2, "same-id", null));
        assertEquals(ours.id(), store.outgoing(ACCOUNT, alice.peer(), "same-id").orElseThrow().id());
        assertTrue(store.outgoing(ACCOUNT, bob.peer(), "same-id").isEmpty(), "bob cannot answer a message sent to alice");
    }

    @Test
    void unreadCountsPerConversationUntilRead() {
        store.insertWire(from(alice, "1", 1, null, "a1"));
        store.insertWire(from(alice, "2", 2, null, "a2"));
        store.insertWire(from(bob, "3", 3, null, "b1"));
        store.insertOutgoing(bob, Optional.empty(), "mine", Instant.ofEpochMilli(4), "m1");
        assertEquals(Map.of(alice, 2, bob, 1), store.unreadCounts());

        assertEquals(2, store.markRead(alice));
        assertEquals(Map.of(bob, 1), store.unreadCounts());
        assertFalse(store.newest(alice, 10).stream().anyMatch(StoredMessage::unread));

        // Stored while the user looks at the conversation: read from the start, nothing to mark.
        assertFalse(store.insertWire(from(alice, "seen", 5, null, "a3"), true).orElseThrow().unread());
        assertFalse(store.insertOlder(from(alice, "seen older", 0, null, "a0"), true, store.lowestSeq(alice) - 1).orElseThrow().unread());
        assertEquals(Map.of(bob, 1), store.unreadCounts());
        assertEquals(0, store.markRead(alice));
    }

    @Test
    void longAndEmojiTextComesBackExactly() {
        String emoji = "👋🏽 你好 \uD83D\uDE00";
        String longText = "x".repeat(64 * 1024) + emoji;
        store.insertWire(from(alice, longText, 1, null, "long"));
        assertEquals(longText, store.newest(alice, 1).getFirst().body());
    }

    @Test
    void spansCoverTheWholeConversationOnceInOrderEvenWithTiesAndBackFilledMessages() {
        assertTrue(store.spans(alice, 10).isEmpty(), "an empty conversation has nothing to read");
        for (int i = 0; i < 95; i++) {
            // Three messages per millisecond: SEQ orders them, and spans may cut between them.
            store.insertWire(from(alice, "m" + i, 10_000 + i / 3, null, "o" + i));
        }
        store.insertWire(from(bob, "other", 10_010, null, "x"));
        // Found later in the archive, older than everything: numbered below the lowest, it must come first.
        long below = store.lowestSeq(alice);
        store.insertOlder(from(alice, "older-b", 9_000, null, "ob"), below - 1);
        store.insertOlder(from(alice, "older-a", 9_000, null, "oa"), below - 2);

        List<HistorySpan> spans = store.spans(alice, 10);
        assertEquals(10, spans.size(), "97 messages in spans of 10");
        List<String> read = spans.stream().flatMap(span -> store.inSpan(alice, span).stream()).map(StoredMessage::body).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("older-a", "older-b"));
        for (int i = 0; i < 95; i++) {
            expected.add("m" + i);
        }
        assertEquals(expected, read);
        assertEquals(7, store.inSpan(alice, spans.getFirst()).size(), "the oldest span holds what is left over");
        assertEquals(10, store.inSpan(alice, spans.getLast()).size());
    }

    @Test
    void aSpanStillHoldsEveryMessageWhenOneIsStoredInsideItAfterTheCut() {
        for (int i = 0; i < 20; i++) {
            store.insertWire(from(alice, "m" + i, 1_000 + i * 10, null, "o" + i));
        }
        List<HistorySpan> spans = store.spans(alice, 10);
        store.insertWire(from(alice, "late but older", 1_005, null, "late"));
        store.insertWire(from(alice, "after the export began", 5_000, null, "new"));

        List<String> read = spans.stream().flatMap(span -> store.inSpan(alice, span).stream()).map(StoredMessage::body).toList();
        assertEquals(21, read.size(), "nothing pushed out of its span, nothing newer than the export added");
        assertEquals(List.of("m0", "late but older", "m1"), read.subList(0, 3));
        assertEquals("m19", read.getLast());
    }

    @Test
    void reservedOrderNumbersLieAboveEverythingStoredBeforeAndBelowEverythingStoredAfter() {
        StoredMessage before = store.insertWire(from(alice, "before", 1_000, null, "b")).orElseThrow();
        long highest = store.reserveSeqs(500);
        assertTrue(highest - 500 >= before.seq(), "the block starts above the message stored before it");
        StoredMessage after = store.insertWire(from(alice, "after", 1_000, null, "a")).orElseThrow();
        assertTrue(after.seq() > highest, "a later message is numbered above the block");
        // Found newest first in the same second: numbered down from the top of the block, in between.
        store.insertOlder(from(alice, "found second", 1_000, null, "f2"), highest);
        store.insertOlder(from(alice, "found first", 1_000, null, "f1"), highest - 1);
        assertEquals(List.of("before", "found first", "found second", "after"),
                store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void aMessageStampedToTheSecondGoesAfterWhatHistoryHadFromThatSecondAndStaysInIt() {
        // Seen live at 12.300 (our clock); then one that waited in offline storage, sent at 12.8 and stamped "12".
        store.insertWire(from(alice, "seen live", 12_300, null, "o1"));
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(12_500)); // disconnected, and back
        StoredMessage kept = store.insertWire(from(alice, "kept for us", 12_000, null, "o2")).orElseThrow();
        assertEquals(Instant.ofEpochMilli(12_301), kept.at(), "just after what came before it, within its second");
        // Another from the same second, kept too: just after the same one (not after the first, itself only
        // placed), and after the first in the order they came.
        assertEquals(Instant.ofEpochMilli(12_301), store.insertWire(from(alice, "kept too", 12_000, null, "o3")).orElseThrow().at());
        // One that came live in this session is no reason to move one the server kept while we were away.
        store.insertWire(from(alice, "live now", 15_600, null, "o9"));
        assertEquals(Instant.ofEpochMilli(15_000), store.insertWire(from(alice, "kept, from 15", 15_000, null, "o10")).orElseThrow().at());
        // One from the second before, and one with its milliseconds: their own times place them.
        store.insertWire(from(alice, "a second earlier", 11_000, null, "o4"));
        store.insertWire(from(alice, "with milliseconds", 12_100, null, "o5"));
        assertEquals(List.of("a second earlier", "with milliseconds", "seen live", "kept for us", "kept too", "kept, from 15", "live now"),
                store.newest(alice, 10).stream().map(StoredMessage::body).toList());
        // A later second, and another conversation's messages, are no reason to move it.
        store.insertWire(from(alice, "next second", 13_500, null, "o6"));
        store.insertWire(from(bob, "bob's", 14_700, null, "o7"));
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(14_900));
        assertEquals(Instant.ofEpochMilli(14_000), store.insertWire(from(alice, "at 14", 14_000, null, "o8")).orElseThrow().at());
        // The same copy again, without any id: recognised by the time it came with, not where it was put.
        assertTrue(store.insertWire(from(alice, "kept, no ids", 12_000, null, null)).isPresent());
        assertTrue(store.insertWire(from(alice, "kept, no ids", 12_000, null, null)).isEmpty());
    }

    @Test
    void whatIsStillInTheOutboxAndWhatIsBackFilledBelowDoNotMoveAStampedMessage() {
        // Typed while disconnected at 20.700: not through the server, so it says nothing about the server's message.
        store.insertOutgoing(alice, Optional.empty(), "typed offline", Instant.ofEpochMilli(20_700), "id-1");
        assertEquals(Instant.ofEpochMilli(20_000), store.insertWire(from(alice, "kept for us", 20_000, null, "o1")).orElseThrow().at());
        // Scrolling up: the archive's page is numbered below the conversation, and is older than all of it.
        StoredMessage live = store.insertWire(from(alice, "seen live", 30_400, null, "o2")).orElseThrow();
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(31_000));
        StoredMessage older = store.insertOlder(from(alice, "back-filled", 30_000, null, "o3"), store.lowestSeq(alice) - 1).orElseThrow();
        assertEquals(Instant.ofEpochMilli(30_000), older.at());
        assertTrue(older.at().isBefore(live.at()));
    }

    @Test
    void whatWasKeptWhileASessionStartedInItsSecondStaysAtItsStamp() {
        // Logged in at 40.050; one sent at 40.1 found us not available yet and was kept offline; one at 40.3
        // came live. Back after a restart, the kept one comes: it is the older, and keeps its stamp.
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(40_050));
        store.insertWire(from(alice, "came live", 40_300, null, "o1"));
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(41_000));
        assertEquals(Instant.ofEpochMilli(40_000), store.insertWire(from(alice, "kept", 40_000, null, "o2")).orElseThrow().at());
        assertEquals(List.of("kept", "came live"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void historyTellsWhereThisSessionStoredAMessageAndMovesItToAnotherTimeKeepingItsNumber() {
        store.insertWire(from(alice, "earlier", 50_300, null, "o0"));
        store.sessionStarted(ACCOUNT, Instant.ofEpochMilli(51_000));
        StoredMessage live = store.insertWire(from(alice, "one", 51_300, null, "o1")).orElseThrow();
        // The archive's copy: another time, the same message.
        assertEquals(Optional.of(live.place()), store.placeInThisSession(from(alice, "one", 51_000, null, "o1")));
        assertTrue(store.placeInThisSession(from(alice, "never", 51_000, null, "o9")).isEmpty());
        assertTrue(store.placeInThisSession(from(bob, "one", 51_000, null, "o1")).isEmpty(), "another conversation's");
        assertTrue(store.placeInThisSession(from(alice, "earlier", 50_000, null, "o0")).isEmpty(), "stored before this session");

        StoredMessage two = store.insertWire(from(alice, "two", 51_100, null, "o2")).orElseThrow();
        StoredMessage moved = store.moveTo(two.id(), Instant.ofEpochMilli(51_301)).orElseThrow();
        assertEquals(new HistoryPlace(Instant.ofEpochMilli(51_301), two.seq()), moved.place());
        assertEquals(List.of("earlier", "one", "two"), store.newest(alice, 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void justAfterAPlaceIsTheOwnTimeTheSameTimeOrAMomentLater() {
        HistoryPlace live = new HistoryPlace(Instant.ofEpochMilli(51_300), 500);
        assertEquals(Instant.ofEpochMilli(52_000), live.justAfter(new HistoryPlace(Instant.ofEpochMilli(52_000), 10)), "already after");
        assertEquals(Instant.ofEpochMilli(51_300), live.justAfter(new HistoryPlace(Instant.ofEpochMilli(51_000), 501)),
                "its number puts it after at the same time");
        assertEquals(Instant.ofEpochMilli(51_301), live.justAfter(new HistoryPlace(Instant.ofEpochMilli(51_000), 499)));
        assertEquals(Instant.ofEpochMilli(51_301), live.justAfter(live));
    }
}
