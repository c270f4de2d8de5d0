package welljabber.plugin.chat.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

class UnreadLineTest {
    private static final ConversationKey ALICE = new ConversationKey(new AccountId("acc-1"), JidCreate.bareFromOrThrowUnchecked("alice@localhost"));

    private final ObservableList<StoredMessage> messages = FXCollections.observableArrayList();
    private final UnreadLine line = new UnreadLine(messages);

    UnreadLineTest() {
        messages.addListener((ListChangeListener<StoredMessage>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    line.added(change);
                }
            }
        });
    }

    private static StoredMessage message(long id, boolean unread) {
        return new StoredMessage(id, id, ALICE, false, Optional.empty(), "message " + id, Instant.ofEpochSecond(id), Optional.empty(),
                DeliveryState.RECEIVED, Optional.empty(), unread, Optional.empty());
    }

    @Test
    void theLineStandsAboveTheFirstUnreadAndStaysThereAsMoreArrive() {
        messages.addAll(List.of(message(1, false), message(2, false)));
        assertEquals(-1, line.above().get(), "no unread message, no line");
        messages.addAll(List.of(message(3, false), message(4, true), message(5, true)));
        assertEquals(4, line.above().get());
        messages.add(message(6, true));
        assertEquals(4, line.above().get(), "a later unread message is below the line");
    }

    @Test
    void anOlderUnreadMessageAddedAboveMovesTheLineUpOneAddedBelowItDoesNot() {
        messages.addAll(List.of(message(10, true), message(11, true)));
        assertEquals(10, line.above().get());
        messages.addAll(0, List.of(message(8, false), message(9, true)));
        assertEquals(9, line.above().get(), "older history that was unread too: the line goes above it");
        messages.add(1, message(7, false));
        assertEquals(9, line.above().get());
        messages.add(messages.size() - 1, message(12, true));
        assertEquals(9, line.above().get(), "an unread one put in below the line leaves it");
    }

    @Test
    void clearedWhenTheUserWritesThenTheNextUnreadGetsIt() {
        messages.addAll(List.of(message(1, true)));
        line.clear();
        assertEquals(-1, line.above().get());
        messages.add(message(2, true));
        assertEquals(2, line.above().get());
    }
}
