package welljabber.plugin.chat.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import welljabber.plugin.chat.store.StoredMessage;

/**
 * History news held back until the transaction that made it is committed: a message is shown (and
 * indexed) only once it is really in history. Belongs to the one thread storing a batch.
 */
final class DeferredHistory implements HistoryListener {
    private final List<Consumer<HistoryListener>> held = new ArrayList<>();

    @Override
    public void added(StoredMessage message) {
        held.add(listener -> listener.added(message));
    }

    @Override
    public void changed(StoredMessage message) {
        held.add(listener -> listener.changed(message));
    }

    /** The transaction is committed: tells {@code target}, in order, and forgets. */
    void tell(HistoryListener target) {
        held.forEach(news -> news.accept(target));
        held.clear();
    }

    /** The transaction was undone: none of it happened. */
    void forget() {
        held.clear();
    }
}
