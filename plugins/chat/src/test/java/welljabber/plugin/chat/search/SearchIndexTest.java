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
}
