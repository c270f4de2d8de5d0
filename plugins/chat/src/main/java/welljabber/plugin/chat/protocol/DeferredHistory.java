package welljabber.plugin.chat.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import welljabber.plugin.chat.store.StoredMessage;

/**
 * History news held back until the transaction that made it is committed: a message is shown (and
 * indexed) only once it is really in history. One thread's: the batch that fills it also flushes it.
 */
final class DeferredHistory implements HistoryListener {
    private final HistoryListener target;
    private final List<Consumer<HistoryListener>> held = new ArrayList<>();

    DeferredHistory(HistoryListener target) {
        this.target = target;
    }

    @Override
    public void added(StoredMessage message) {
        held.add(listener -> listener.added(message));
    }

    @Override
    public void changed(StoredMessage message) {
        held.add(listener -> listener.changed(message));
    }

    /** The transaction is committed: tell, in order. */
    void flush() {
        held.forEach(news -> news.accept(target));
        held.clear();
    }

    /** The transaction was undone: none of it happened. */
    void discard() {
        held.clear();
    }
}
