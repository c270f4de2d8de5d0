package welljabber.plugin.chat.protocol;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smackx.chatstates.ChatState;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.StoredMessage;

/** Keeps what history and contacts' chat states told their listeners, for tests; any thread. */
final class RecordingListener implements HistoryListener, PeerStates {
    record PeerState(ConversationKey key, ChatState state) {
    }

    private final List<PeerState> peerStates = new ArrayList<>();
    private final List<StoredMessage> added = new ArrayList<>();
    private final List<StoredMessage> changed = new ArrayList<>();
    /** While held, whoever tells of an added message waits (a test holding history's storing thread). */
    private boolean holding;

    @Override
    public synchronized void added(StoredMessage message) {
        while (holding) {
            try {
                wait();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        added.add(message);
    }

    /** From now on, news of an added message waits until {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    synchronized void release() {
        holding = false;
        notifyAll();
    }

    @Override
    public synchronized void changed(StoredMessage message) {
        changed.add(message);
    }

    @Override
    public synchronized void changed(ConversationKey key, ChatState state) {
        peerStates.add(new PeerState(key, state));
    }

    synchronized List<PeerState> peerStates() {
        return List.copyOf(peerStates);
    }

    synchronized List<StoredMessage> added() {
        return List.copyOf(added);
    }

    synchronized List<StoredMessage> changed() {
        return List.copyOf(changed);
    }
}
