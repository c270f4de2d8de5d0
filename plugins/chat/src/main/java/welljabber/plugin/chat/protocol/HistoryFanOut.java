package welljabber.plugin.chat.protocol;

import java.util.List;

import welljabber.plugin.chat.store.StoredMessage;

/** Tells several listeners about history, in order (the conversations first, then the search index). */
public record HistoryFanOut(List<HistoryListener> listeners) implements HistoryListener {
    public HistoryFanOut {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void added(StoredMessage message) {
        listeners.forEach(listener -> listener.added(message));
    }

    @Override
    public void changed(StoredMessage message) {
        listeners.forEach(listener -> listener.changed(message));
    }
}
