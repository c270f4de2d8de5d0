package welljabber.plugin.chat.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jivesoftware.smackx.chatstates.ChatState;

import welljabber.plugin.chat.protocol.HistoryListener;
import welljabber.plugin.chat.protocol.PeerStates;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * The open conversations and the unread counts of all of them. History changes arrive here from any
 * thread and go to the open conversation's model on the FX thread, in batches.
 */
public final class Conversations implements HistoryListener, PeerStates {

    private final MessageStore store;
    private final Executor background;
    private final ConversationActions actions;
    private final Names names;
    private final Consumer<StoredMessage> arrived;
    private final UnreadCounts unread;
    private final FxQueue fx = new FxQueue();
    private final ReadMarker reads;
    /** FX thread only. */
    private final Map<ConversationKey, ConversationModel> open = new HashMap<>();
    private final Set<ConversationKey> onScreen = ConcurrentHashMap.newKeySet();

    /** How the conversation names the contact and us. */
    public interface Names {
        String peer(ConversationKey key);

        String own(ConversationKey key);
    }

    /**
     * @param unreadChanged told (on any thread) each time a conversation's unread count changes
     * @param arrived       told on the FX thread about each new message from a contact that is stored unread, after its model has it
     */
    public Conversations(MessageStore store, Executor background, ConversationActions actions, Names names,
            BiConsumer<ConversationKey, Integer> unreadChanged, Consumer<StoredMessage> arrived) {
        this.store = store;
        this.background = background;
        this.actions = actions;
        this.names = names;
        this.arrived = arrived;
        this.unread = new UnreadCounts((key, count) -> {
            unreadChanged.accept(key, count);
            fx.run(() -> model(key).ifPresent(model -> model.setUnread(count)));
        });
        this.reads = new ReadMarker(background, key -> {
            store.markRead(key);
            unread.clear(key);
        });
    }

    /** Reads the unread counts from history; background thread. */
    public void loadUnread() {
        unread.load(store.unreadCounts());
    }

    /** The conversation's model, created and filled from history if it is not open yet; FX thread. */
    public ConversationModel open(ConversationKey key, Consumer<RuntimeException> failed) {
        ConversationModel existing = open.get(key);
        if (existing != null) {
            return existing;
        }
        ConversationModel model = new ConversationModel(key, names.peer(key), names.own(key), store, background, actions, fx);
        model.setUnread(unread.get(key));
        open.put(key, model);
        model.loadNewest(failed);
        return model;
    }

    /** FX thread. */
    public Optional<ConversationModel> model(ConversationKey key) {
        return Optional.ofNullable(open.get(key));
    }

    /** The conversation's tab was closed; FX thread. */
    public void closed(ConversationKey key) {
        onScreen.remove(key);
        Optional.ofNullable(open.remove(key)).ifPresent(ConversationModel::close);
    }

    /** Whether the user can see the conversation now (its tab in front of the focused window); FX thread. */
    public void setOnScreen(ConversationKey key, boolean seen) {
        if (seen) {
            onScreen.add(key);
        } else {
            onScreen.remove(key);
        }
    }

    /**
     * Whether the user can see the conversation now; any thread. A message stored while it is, is stored
     * as read: marking it read afterwards rewrote its row in every index, for each message of a burst
     * into the conversation the user is looking at.
     */
    public boolean isOnScreen(ConversationKey key) {
        return onScreen.contains(key);
    }

    /** The plugin stops: every conversation is let go; FX thread. */
    public void closeAll() {
        onScreen.clear();
        open.values().forEach(ConversationModel::close);
        open.clear();
    }

    /** The user has seen the conversation; any thread. Asks made while history is being updated are folded into one. */
    public void markRead(ConversationKey key) {
        reads.ask(key);
    }

    /**
     * The names of the account's open conversations may have changed (the roster arrived, or the user
     * renamed a contact); any thread. Each takes its name again from {@link Names}.
     */
    public void namesChanged(java.util.function.Predicate<ConversationKey> which) {
        fx.run(() -> open.forEach((key, model) -> {
            if (which.test(key)) {
                model.renamePeer(names.peer(key));
            }
        }));
    }

    /** Chooses which of the contact's clients to write to; FX thread. */
    public void useResource(ConversationKey key, Optional<String> resource) {
        model(key).ifPresent(model -> model.useResource(resource));
    }

    @Override
    public void added(StoredMessage message) {
        if (message.unread()) {
            unread.increment(message.key());
        }
        fx.run(() -> {
            model(message.key()).ifPresent(model -> model.added(message));
            // A message stored as read needs no tab opened and no notice: the user was looking at its
            // conversation, or it is history they asked for.
            if (!message.outgoing() && message.unread()) {
                arrived.accept(message);
            }
        });
    }

    @Override
    public void changed(ConversationKey key, ChatState state) {
        fx.run(() -> model(key).ifPresent(model -> model.setPeerState(state)));
    }

    @Override
    public void changed(StoredMessage message) {
        fx.run(() -> model(message.key()).ifPresent(model -> model.changed(message)));
    }
}
