package welljabber.plugin.chat.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

class ArrivalBatchTest {
    private static final ConversationKey ALICE = new ConversationKey(new AccountId("a"), JidCreate.bareFromOrThrowUnchecked("alice@localhost"));

    /** A list that counts its changes as a list view would see them: one per add or addAll. */
    private static final class CountingList extends ArrayList<StoredMessage> {
        int changes;

        @Override
        public boolean add(StoredMessage message) {
            changes++;
            return super.add(message);
        }

        @Override
        public void add(int index, StoredMessage message) {
            changes++;
            super.add(index, message);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends StoredMessage> messages) {
            changes++;
            return super.addAll(messages);
        }

        @Override
        public boolean addAll(int index, java.util.Collection<? extends StoredMessage> messages) {
            changes++;
            return super.addAll(index, messages);
        }
    }

    private static StoredMessage message(long id, long millis, long seq) {
        return new StoredMessage(id, seq, ALICE, false, Optional.empty(), "m" + id, Instant.ofEpochMilli(millis), Optional.empty(),
                DeliveryState.RECEIVED, Optional.empty(), true, Optional.empty());
    }

    private static List<Long> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    private static Set<Long> shown(List<StoredMessage> list) {
        return new HashSet<>(ids(list));
    }

    @Test
    void aBurstAfterTheNewestMessageJoinsTheListInOneChange() {
        CountingList list = new CountingList();
        list.addAll(List.of(message(1, 10, 1), message(2, 20, 2)));
        list.changes = 0;
        ArrivalBatch batch = new ArrivalBatch();
        assertTrue(batch.add(message(3, 30, 3)), "the first message of a batch asks for a flush");
        for (int i = 4; i <= 1000; i++) {
            assertFalse(batch.add(message(i, 30 + i, i)), "later ones do not ask again");
        }
        batch.flushInto(list, shown(list), false);
        assertEquals(1, list.changes);
        assertEquals(1000, list.size());
        assertEquals(1000L, list.getLast().id());
        assertTrue(batch.isEmpty());
        assertTrue(batch.add(message(1001, 5000, 1001)), "after a flush the next message starts a new batch");
    }

    @Test
    void messagesTheListHasAreLeftOutAndRepeatsKeptOnce() {
        List<StoredMessage> list = new ArrayList<>(List.of(message(1, 10, 1), message(2, 20, 2)));
        ArrivalBatch batch = new ArrivalBatch();
        batch.add(message(2, 20, 2));
        batch.add(message(3, 30, 3));
        batch.add(message(3, 30, 3));
        batch.flushInto(list, shown(list), false);
        assertEquals(List.of(1L, 2L, 3L), ids(list));
    }

    @Test
    void messagesOutOfOrderGoToTheirPlaceByTimeThenArrival() {
        List<StoredMessage> list = new ArrayList<>(List.of(message(1, 10, 1), message(2, 40, 2)));
        ArrivalBatch batch = new ArrivalBatch();
        batch.add(message(5, 50, 5));
        batch.add(message(3, 20, 3)); // delayed (offline storage): older than what is shown
        batch.add(message(4, 40, 1)); // same instant as message 2, but ordered before it
        batch.flushInto(list, shown(list), false);
        assertEquals(List.of(1L, 3L, 4L, 2L, 5L), ids(list));
    }

    @Test
    void withOlderHistoryNotShownWhatIsOlderThanTheListIsLeftToItsPages() {
        List<StoredMessage> list = new ArrayList<>(List.of(message(10, 100, 10), message(11, 200, 11)));
        ArrivalBatch batch = new ArrivalBatch();
        batch.add(message(1, 5, 1)); // back-filled from the archive: the page above the list reads it
        batch.add(message(12, 150, 12)); // delayed, inside what the list shows: goes to its place
        batch.add(message(13, 300, 13));
        batch.flushInto(list, shown(list), true);
        assertEquals(List.of(10L, 12L, 11L, 13L), ids(list));
        assertTrue(batch.isEmpty(), "the one left to the pages is not kept for later either");

        // At the start of the conversation (no older history), the same message goes in front.
        batch.add(message(1, 5, 1));
        batch.flushInto(list, shown(list), false);
        assertEquals(List.of(1L, 10L, 12L, 11L, 13L), ids(list));
    }

    @Test
    void aPageOfOlderHistoryGoesInFrontInOneChange() {
        CountingList list = new CountingList();
        list.addAll(List.of(message(100, 1000, 100)));
        list.changes = 0;
        List<StoredMessage> page = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            page.add(message(i, i, i));
        }
        page.add(message(100, 1000, 100)); // read from history after it had arrived: kept once
        ArrivalBatch.mergeInto(list, page, shown(list));
        assertEquals(1, list.changes);
        assertEquals(51, list.size());
        assertEquals(1L, list.getFirst().id());
        assertEquals(100L, list.getLast().id());
    }

    @Test
    void nothingNewChangesNothing() {
        CountingList list = new CountingList();
        list.add(message(1, 10, 1));
        list.changes = 0;
        ArrivalBatch batch = new ArrivalBatch();
        batch.flushInto(list, shown(list), false);
        batch.add(message(1, 10, 1));
        batch.flushInto(list, shown(list), false);
        assertEquals(0, list.changes);
        assertEquals(List.of(1L), ids(list));
    }

    @Test
    void aChangedMessageStaysInItsRowUnlessItsTimeChanged() {
        List<StoredMessage> list = new ArrayList<>(List.of(message(1, 1000, 1), message(2, 1000, 2), message(3, 1300, 3)));
        ArrivalBatch.replace(list, 1, message(2, 1000, 2).withState(DeliveryState.DELIVERED, Optional.empty()));
        assertEquals(List.of(1L, 2L, 3L), ids(list));
        assertEquals(DeliveryState.DELIVERED, list.get(1).state());

        // Catching up moved message 1 below message 3, which it came after in the archive.
        ArrivalBatch.replace(list, 0, message(1, 1301, 1));
        assertEquals(List.of(2L, 3L, 1L), ids(list));
        assertEquals(1301, list.getLast().at().toEpochMilli());
    }
}
