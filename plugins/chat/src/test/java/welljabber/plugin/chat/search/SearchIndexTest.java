package welljabber.plugin.chat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.testsupport.storage.H2TestStorage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.store.WireMessage;

class SearchIndexTest {
    private final H2TestStorage storage = H2TestStorage.inMemory();
    private final MessageStore store = new MessageStore(storage);
    private final SearchIndex index = new SearchIndex(storage, store);
    private final ConversationKey alice = key("alice@localhost");
    private final ConversationKey bob = key("bob@localhost");

    SearchIndexTest() {
        store.migrate();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    private static ConversationKey key(String jid) {
        return new ConversationKey(new AccountId("a"), JidCreate.bareFromOrThrowUnchecked(jid));
    }

    private StoredMessage receive(ConversationKey key, String body, long millis) {
        return store.insertWire(new WireMessage(key, false, Optional.empty(), body, Instant.ofEpochMilli(millis),
                Optional.of("s-" + millis), Optional.of("o-" + millis), Optional.empty())).orElseThrow();
    }

    private List<String> found(String query) {
        return index.search(query, 50).stream().map(StoredMessage::body).toList();
    }

    @Test
    void onceStoppedItIndexesNothingMoreAndTheRestWaitsForTheNextStart() throws InterruptedException {
        receive(alice, "Lunch at the harbour on Friday?", 1);
        assertTrue(index.stop(java.time.Duration.ZERO), "an indexing batch was under way");
        receive(bob, "The harbour is closed on Friday", 2);
        assertEquals(0, index.catchUp(), "indexed after it was stopped");

        assertEquals(2, new SearchIndex(storage, store).catchUp(), "the next start did not find both waiting");
    }

    @Test
    void findsMessagesWithAllTheWordsInEveryConversationNewestFirst() {
        receive(alice, "Lunch at the harbour on Friday?", 1);
        receive(bob, "The harbour is closed on Friday", 2);
        receive(alice, "Friday works", 3);
        store.insertOutgoing(bob, Optional.empty(), "Then the HARBOUR on Saturday", Instant.ofEpochMilli(4), "mine");
        assertEquals(4, index.catchUp());

        assertEquals(List.of("Then the HARBOUR on Saturday", "The harbour is closed on Friday", "Lunch at the harbour on Friday?"),
                found("harbour"));
        assertEquals(List.of("The harbour is closed on Friday", "Lunch at the harbour on Friday?"), found("friday HARBOUR"));
        assertEquals(List.of(), found("harbour sunday"));
        assertEquals(List.of(), found("?!"));
        assertEquals(0, index.catchUp(), "nothing new to index");
    }

    @Test
    void chineseTextIsFoundByAnyPieceOfTwoOrMoreCharacters() {
        receive(alice, "我们明天下午三点在咖啡馆见面", 1);
        receive(alice, "明年见", 2);
        index.catchUp();
        assertEquals(List.of("我们明天下午三点在咖啡馆见面"), found("咖啡馆"));
        assertEquals(List.of("我们明天下午三点在咖啡馆见面"), found("明天"));
        assertEquals(List.of("明年见"), found("明年"));
    }

    @Test
    void aCorrectedMessageIsFoundByItsNewTextOnly() {
        StoredMessage typo = receive(alice, "See you at the stadion", 1);
        index.catchUp();
        StoredMessage corrected = store.correct(alice, false, typo.stanzaId().orElseThrow(), "See you at the stadium").orElseThrow();
        index.reindex(corrected);
        assertEquals(List.of(), found("stadion"));
        assertEquals(List.of("See you at the stadium"), found("stadium"));
    }

    @Test
    void aMessageJustStoredIsFoundBeforeTheIndexHasIt() {
        receive(alice, "Lunch at the harbour on Friday?", 1);
        receive(bob, "The harbour is closed on Friday", 2);
        index.catchUp();
        // Indexing waits for a pause in a burst: these two are stored, not indexed yet.
        receive(alice, "harbour on friday then", 3);
        receive(alice, "harbour on sunday", 4);

        assertEquals(List.of("harbour on friday then", "The harbour is closed on Friday", "Lunch at the harbour on Friday?"),
                found("friday harbour"), "indexed or not, newest first, every word in each");
        assertEquals(List.of("harbour on sunday", "harbour on friday then"),
                index.search("harbour", 2).stream().map(StoredMessage::body).toList(), "the limit holds across both");
        assertEquals(2, index.catchUp());
        assertEquals(List.of("harbour on friday then", "The harbour is closed on Friday", "Lunch at the harbour on Friday?"),
                found("friday harbour"), "once indexed, found once");
    }

    @Test
    void indexingGoesOnWhereItStoppedInBatches() {
        for (int i = 0; i < SearchIndex.BATCH * 2 + 7; i++) {
            receive(alice, "note number " + i, i + 1);
        }
        assertEquals(SearchIndex.BATCH * 2 + 7, index.catchUp());
        receive(alice, "one more note", 10_000);
        assertEquals(1, index.catchUp());
        assertEquals(List.of("one more note"), found("more note"));
        assertEquals(SearchIndex.BATCH * 2 + 8, index.search("note", 5000).size());
    }

    @Test
    void aMessageCommittedAfterALaterOneIsStillIndexed() throws Exception {
        // A batch of arrivals holds its rows (and their lower ids) uncommitted while a message sent meanwhile
        // is stored and indexed: the batch's must not be taken as done when they appear.
        store.inOneTransaction(batch -> {
            batch.insertWire(new WireMessage(alice, false, Optional.empty(), "harbour at nine, from the batch",
                    Instant.ofEpochMilli(1), Optional.of("s-1"), Optional.of("o-1"), Optional.empty())).orElseThrow();
            Thread meanwhile = Thread.ofPlatform().start(() -> {
                receive(bob, "harbour at ten, stored meanwhile", 2);
                assertEquals(1, index.catchUp(), "only what is committed can be indexed");
            });
            try {
                meanwhile.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertEquals(1, index.catchUp(), "the batch's message was left to the next run");
        assertEquals(List.of("harbour at ten, stored meanwhile", "harbour at nine, from the batch"), found("harbour"));
        assertEquals(0, index.catchUp(), "nothing twice");
    }

    @Test
    void messagesAnOlderIndexHadNotReachedAreQueuedByTheMigration() {
        StoredMessage indexedBefore = receive(alice, "harbour on monday", 1);
        receive(alice, "harbour on tuesday", 2);
        index.catchUp();
        storage.withConnection(connection -> {
            try (var statement = connection.createStatement()) {
                // As a database from before the queue: its mark stood at the first message, the second was new.
                statement.execute("DELETE FROM SEARCH_TOKEN WHERE MESSAGE_ID <> " + indexedBefore.id());
                statement.execute("DELETE FROM SEARCH_WORD");
                statement.execute("UPDATE SEARCH_STATE SET LAST_INDEXED = " + indexedBefore.id() + " WHERE ID = 1");
                statement.execute(welljabber.plugin.chat.store.ChatSchema.migrations().stream()
                        .filter(migration -> migration.description().equals("what the old mark had not reached waits too"))
                        .findFirst().orElseThrow().sql());
            }
            return null;
        });
        assertEquals(1, index.catchUp());
        assertEquals(List.of("harbour on tuesday", "harbour on monday"), found("harbour"));
    }

    private long count(String token) {
        return storage.withConnection(connection -> WordCounts.of(connection, List.of(token)).getOrDefault(token, 0L));
    }

    @Test
    void indexingCountsHowManyMessagesHaveEachWord() {
        receive(alice, "water water everywhere", 1);
        receive(bob, "Water, please", 2);
        receive(alice, "nothing to drink", 3);
        index.catchUp();
        assertEquals(2, count("water"), "a word counts once per message");
        assertEquals(1, count("everywhere"));
        assertEquals(0, count("wine"));
        receive(bob, "more water", 4);
        index.catchUp();
        assertEquals(3, count("water"), "counts grow with each batch");
    }

    @Test
    void aRareWordAndACommonOneFindTheSameHitsWhicheverWayTheyAreAsked() {
        for (int i = 0; i < 300; i++) {
            receive(alice, "the weather note " + i, i + 1);
        }
        receive(bob, "the pineapple is ripe", 1_000);
        receive(alice, "a pineapple without the article", 1_001);
        receive(alice, "pineapple alone", 1_002);
        index.catchUp();
        assertEquals(List.of("a pineapple without the article", "the pineapple is ripe"), found("the pineapple"));
        assertEquals(List.of("a pineapple without the article", "the pineapple is ripe"), found("pineapple THE"));
        assertEquals(List.of(), found("pineapple weather"));
    }

    @Test
    void theFirstPageOfACommonPairIsTheNewestMessagesHavingBoth() {
        for (int i = 0; i < 200; i++) {
            receive(alice, (i % 2 == 0 ? "people " : "") + (i % 3 == 0 ? "house " : "") + "line " + i, i + 1);
        }
        index.catchUp();
        List<String> page = found("people house");
        assertEquals(34, page.size(), "every sixth message of 200 has both words");
        assertEquals("people house line 198", page.getFirst());
        assertEquals("people house line 0", page.getLast());
        assertEquals(List.of("people house line 198", "people house line 192"),
                index.search("house people", 2).stream().map(StoredMessage::body).toList());
    }

    @Test
    void aCorrectionOfAMessageNotIndexedYetIsLeftToTheNextBatch() {
        StoredMessage typo = receive(alice, "See you at the stadion", 1);
        StoredMessage corrected = store.correct(alice, false, typo.stanzaId().orElseThrow(), "See you at the stadium").orElseThrow();
        index.reindex(corrected); // before any batch ran
        assertEquals(1, index.catchUp());
        assertEquals(List.of("See you at the stadium"), found("stadium"));
        assertEquals(List.of(), found("stadion"));
        assertEquals(1, count("stadium"), "indexed and counted once");
    }

    @Test
    void anIndexFromBeforeWordCountsGetsCountedByTheMigration() {
        receive(alice, "harbour on friday", 1);
        receive(bob, "the harbour", 2);
        index.catchUp();
        storage.withConnection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("DELETE FROM SEARCH_WORD"); // as a database indexed before the counts existed
            }
            return null;
        });
        var counting = welljabber.plugin.chat.store.ChatSchema.migrations().stream()
                .filter(migration -> migration.sql().contains("SELECT TOKEN, COUNT(*) FROM SEARCH_TOKEN")).findFirst().orElseThrow();
        storage.withConnection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(counting.sql());
            }
            return null;
        });
        assertEquals(2, count("harbour"));
        assertEquals(1, count("friday"));
        assertEquals(List.of("harbour on friday"), found("friday harbour"));
    }
}
