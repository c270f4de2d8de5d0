package welljabber.plugin.chat.protocol;

import java.util.ArrayList;
import java.util.List;

import welljabber.plugin.chat.store.StoredMessage;

/** Keeps what history told its listener, for tests; any thread. */
final class RecordingListener implements HistoryListener {
    private final List<StoredMessage> added = new ArrayList<>();
    private final List<StoredMessage> changed = new ArrayList<>();

    @Override
    public synchronized void added(StoredMessage message) {
        added.add(message);
    }

    @Override
    public synchronized void changed(StoredMessage message) {
        changed.add(message);
    }

    synchronized List<StoredMessage> added() {
        return List.copyOf(added);
    }

    synchronized List<StoredMessage> changed() {
        return List.copyOf(changed);
    }
}
