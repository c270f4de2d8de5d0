package welljabber.plugin.chat.conversation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.jivesoftware.smackx.chatstates.ChatState;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * One open conversation, for its view: the messages loaded so far (a page of the newest, then older
 * pages as the user scrolls up), kept in time order; the contact's typing state; ours. Only the FX
 * thread touches it; history and the network are used on the background executor.
 */
public final class ConversationModel {
    /** Messages per page: a few screens' worth, so scrolling up rarely waits. */
    public static final int PAGE = 100;
    /**
     * Messages the list keeps when it forgets older ones while the user follows the newest: a few pages,
     * read again from history when the user scrolls up to them.
     */
    static final int KEPT_WHILE_FOLLOWING = 5 * PAGE;
    /** XEP-0085 §5.2: "paused" after a few seconds without typing. */
    static final Duration PAUSE_AFTER = Duration.seconds(5);
    private static final System.Logger LOG = System.getLogger(ConversationModel.class.getName());

    private final ConversationKey key;
    private final ReadOnlyStringWrapper peerName;
    private final String ownName;
    private final MessageStore store;
    private final Executor background;
    /**
     * What the user sends in this conversation (messages, corrections, typing states), one after another in
     * the order they did it; FX thread. Each on a task of its own, two messages typed while the outbox was
     * busy could reach it in either order, and a "composing" could overtake the message it belonged to.
     */
    private CompletableFuture<Void> outgoing = CompletableFuture.completedFuture(null);
    private final ConversationActions actions;
    private final ObservableList<StoredMessage> messages = FXCollections.observableArrayList();
    /** The ids of {@link #messages}, kept by a listener: whether a message is shown, without a scan. */
    private final Set<Long> shownIds = new HashSet<>();
    /** New messages of the current FX batch, added to the list together when the batch ends. */
    private final ArrivalBatch arrivals = new ArrivalBatch();
    private final FxQueue fx;
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper incoming = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper olderNeedConnection = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ChatState> peerState = new ReadOnlyObjectWrapper<>(ChatState.active);
    private final PauseTransition pause = new PauseTransition(PAUSE_AFTER);
    private ChatState ownState = ChatState.active;
    private boolean olderExhausted;
    /**
     * The user reached the top again while the page before was still being read (still dragging up, say):
     * that asked for the page after it, read when this one is done.
     */
    private boolean olderAskedWhileLoading;
    /**
     * History here may hold messages older than the list's first that the list does not show: the last
     * page read above was a full one, or older messages were forgotten. Until a page is read, assumed.
     */
    private boolean olderInHistory = true;
    /** False after a jump into the middle of history: the newest messages are not loaded yet. */
    private boolean newerExhausted = true;
    private boolean loadingNewer;
    /** Grows with each jump: pages read for an earlier view of the list are dropped, not mixed in. */
    private long generation;
    private Optional<String> resource = Optional.empty();

    ConversationModel(ConversationKey key, String peerName, String ownName, MessageStore store, Executor background,
            ConversationActions actions, FxQueue fx) {
        this.fx = fx;
        messages.addListener((ListChangeListener<StoredMessage>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(message -> shownIds.remove(message.id()));
                change.getAddedSubList().forEach(message -> shownIds.add(message.id()));
            }
        });
        this.key = key;
        this.peerName = new ReadOnlyStringWrapper(peerName);
        this.ownName = ownName;
        this.store = store;
        this.background = background;
        this.actions = actions;
        pause.setOnFinished(event -> ownState(ChatState.paused));
    }

    public ConversationKey key() {
        return key;
    }

    /** The contact as the tab and the messages name them. */
    public String peerName() {
        return peerName.get();
    }

    /** The contact's name, which follows the roster: the user may rename them while the tab is open. */
    public ReadOnlyStringProperty peerNameProperty() {
        return peerName.getReadOnlyProperty();
    }

    void renamePeer(String name) {
        peerName.set(name);
    }

    /** Our own name on messages we sent (and in our {@code /me} actions). */
    public String ownName() {
        return ownName;
    }

    public ObservableList<StoredMessage> messages() {
        return messages;
    }

    /** How many messages of this conversation the user has not seen. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    void setUnread(int count) {
        unread.set(count);
    }

    /**
     * How many messages of the contact have come since the conversation opened, counted as they come
     * (FX thread): whether the user sees them depends on where they are in the list, which the view knows.
     */
    public ReadOnlyIntegerProperty incomingProperty() {
        return incoming.getReadOnlyProperty();
    }

    /**
     * Whether the user reached the top of local history and the server's archive, which may have older
     * messages, could not be asked (no connection, no answer): the view says so, instead of showing a top
     * that is not the conversation's first message. Cleared by the next page that is read or answered.
     */
    public ReadOnlyBooleanProperty olderNeedConnectionProperty() {
        return olderNeedConnection.getReadOnlyProperty();
    }

    /** Whether the list ends with the newest message (not so after a search jump until the user scrolls down). */
    public boolean showsNewest() {
        return newerExhausted;
    }

    /** Brings the list back to the conversation's newest page, when a search jump left it in older history. */
    public void showNewest() {
        if (newerExhausted) {
            return;
        }
        flushArrivals();
        generation++;
        olderNeedConnection.set(false);
        messages.clear();
        olderInHistory = true;
        newerExhausted = true;
        loadNewest(e -> LOG.log(System.Logger.Level.ERROR, "Could not reload " + key.peer(), e));
    }

    /** Whether the contact is typing (composing), paused, or neither (active, inactive, gone). */
    public ReadOnlyObjectProperty<ChatState> peerStateProperty() {
        return peerState.getReadOnlyProperty();
    }

    void setPeerState(ChatState state) {
        peerState.set(state);
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    /** Sends to this resource of the contact from now on (the user picked one), or to the bare address. */
    void useResource(Optional<String> chosen) {
        resource = chosen;
    }

    /**
     * Loads the newest page; {@code failed} hears about a database failure, on the FX thread. What history
     * has is shown at once: the message that opened the tab must not wait for the server's archive, which
     * on a slow server took seconds (its reply timeout when the server hung).
     */
    void loadNewest(Consumer<RuntimeException> failed) {
        long asked = generation;
        background.execute(() -> {
            try {
                List<StoredMessage> local = store.newest(key, PAGE);
                showNewest(asked, local);
                // A conversation with little history here may have more in the server's archive.
                if (local.size() < PAGE
                        && actions.backFill(key, local.isEmpty() ? Optional.empty() : Optional.of(local.getFirst())).orElse(0) > 0) {
                    showNewest(asked, store.newest(key, PAGE));
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    /** Puts {@code page}, read from history for the view of generation {@code asked}, into the list; any thread. */
    private void showNewest(long asked, List<StoredMessage> page) {
        Platform.runLater(() -> {
            flushArrivals();
            if (asked != generation) {
                return;
            }
            // Messages that arrived while the page was read are already in the list: keep them once.
            // One change for the whole page: the list view then lays out once, not once per message.
            ArrivalBatch.mergeInto(messages, page, shownIds);
            olderInHistory = page.size() >= PAGE;
        });
    }

    /** Loads the page before the oldest message shown into the list. */
    public void loadOlder() {
        if (loadingOlder.get()) {
            olderAskedWhileLoading = true;
            return;
        }
        if (olderExhausted || messages.isEmpty()) {
            return;
        }
        loadingOlder.set(true);
        StoredMessage first = messages.getFirst();
        long asked = generation;
        background.execute(() -> {
            try {
                List<StoredMessage> local = store.before(first, PAGE);
                // Past the end of local history, the server's archive may have more (MAM back-fill).
                OptionalInt fetched = local.size() < PAGE
                        ? actions.backFill(key, Optional.of(local.isEmpty() ? first : local.getFirst())) : OptionalInt.of(0);
                List<StoredMessage> page = fetched.orElse(0) > 0 ? store.before(first, PAGE) : local;
                // The top of the conversation, unless the archive could not be asked (offline, no answer):
                // then the next scroll up asks again.
                boolean noneOlder = page.isEmpty() && fetched.isPresent();
                boolean notAsked = page.isEmpty() && fetched.isEmpty();
                Platform.runLater(() -> {
                    flushArrivals();
                    loadingOlder.set(false);
                    boolean askedAgain = olderAskedWhileLoading;
                    olderAskedWhileLoading = false;
                    if (asked != generation) {
                        return;
                    }
                    ArrivalBatch.mergeInto(messages, page, shownIds);
                    olderExhausted = noneOlder;
                    olderNeedConnection.set(notAsked);
                    olderInHistory = page.size() >= PAGE;
                    if (askedAgain) {
                        loadOlder();
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not read older messages of " + key.peer(), e);
                Platform.runLater(() -> {
                    loadingOlder.set(false);
                    olderAskedWhileLoading = false;
                });
            }
        });
    }

    /**
     * Shows the part of history around {@code target} (a search result): half a page before it, half
     * after. {@code shownAt} gets its index in the list, on the FX thread.
     */
    public void jumpTo(StoredMessage target, Consumer<Integer> shownAt) {
        long asked = ++generation;
        background.execute(() -> {
            try {
                List<StoredMessage> before = store.before(target, PAGE / 2);
                List<StoredMessage> after = store.after(target, PAGE / 2);
                Platform.runLater(() -> {
                    flushArrivals();
                    if (asked != generation) {
                        return;
                    }
                    List<StoredMessage> window = new java.util.ArrayList<>(before);
                    window.add(target);
                    window.addAll(after);
                    messages.setAll(window);
                    olderExhausted = false;
                    olderNeedConnection.set(false); // said of the list it replaces
                    olderInHistory = before.size() >= PAGE / 2;
                    newerExhausted = after.size() < PAGE / 2;
                    shownAt.accept(before.size());
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not show the search result in " + key.peer(), e);
            }
        });
    }

    /** After a jump: loads the page after the newest message shown, when the user scrolls down to it. */
    public void loadNewer() {
        if (newerExhausted || loadingNewer || messages.isEmpty()) {
            return;
        }
        loadingNewer = true;
        StoredMessage last = messages.getLast();
        long asked = generation;
        background.execute(() -> {
            try {
                List<StoredMessage> page = store.after(last, PAGE);
                Platform.runLater(() -> {
                    flushArrivals();
                    loadingNewer = false;
                    if (asked != generation) {
                        return;
                    }
                    ArrivalBatch.mergeInto(messages, page, shownIds);
                    newerExhausted = page.size() < PAGE;
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not read newer messages of " + key.peer(), e);
                Platform.runLater(() -> loadingNewer = false);
            }
        });
    }

    /** Sends {@code text}; it appears when the outbox has stored it. The message itself says "active". */
    /** Stores and sends {@code text}; {@code notStored} runs (FX thread) when history could not take it. */
    public void send(String text, Runnable notStored) {
        Optional<String> to = resource;
        pause.stop();
        ownState = ChatState.active;
        inOrder(() -> {
            if (!actions.send(key, to, text)) {
                Platform.runLater(notStored);
            }
        });
    }

    /** Finds our newest message for the user to correct; {@code found} runs on the FX thread. */
    public void lastOutgoing(Consumer<Optional<StoredMessage>> found) {
        background.execute(() -> {
            Optional<StoredMessage> last = actions.lastOutgoing(key);
            Platform.runLater(() -> found.accept(last));
        });
    }

    /** Corrects {@code original}; {@code done} gets false (FX thread) when the correction could not be kept. */
    public void correct(StoredMessage original, String text, Consumer<Boolean> done) {
        pause.stop();
        ownState = ChatState.active;
        inOrder(() -> {
            boolean sent = actions.correct(original, text);
            Platform.runLater(() -> done.accept(sent));
        });
    }

    /** The user changed the text being written: composing while there is text, paused after a while, active when empty. */
    public void draftChanged(boolean hasText) {
        if (!hasText) {
            pause.stop();
            ownState(ChatState.active);
            return;
        }
        ownState(ChatState.composing);
        pause.playFromStart();
    }

    /** The tab is gone or the plugin stopping: the "paused" timer must not fire into a stopped plugin. FX thread. */
    void close() {
        pause.stop();
    }

    /** Sends our state when it changes; XEP-0085 asks not to repeat one. */
    private void ownState(ChatState state) {
        if (state == ownState) {
            return;
        }
        ownState = state;
        inOrder(() -> actions.typing(key, state));
    }

    /** Runs {@code work} in the background once what the user sent before has gone; FX thread. */
    private void inOrder(Runnable work) {
        outgoing = outgoing.thenRunAsync(() -> {
            try {
                work.run();
            } catch (RuntimeException failed) {
                // Logged and passed over: what the user sends next must not wait behind it for good.
                LOG.log(System.Logger.Level.ERROR, "Sending in the conversation with " + key.peer() + " failed", failed);
            }
        }, background);
    }

    /**
     * A message stored for this conversation; FX thread. It joins the list at the end of the current
     * batch of FX work, together with the batch's other new messages (one list change for many).
     */
    void added(StoredMessage message) {
        // History older than the list (a page back-filled from the archive as the user scrolls up) is not
        // news: counted, it showed as "100 new messages" below while the user read further up.
        boolean news = messages.isEmpty() || ArrivalBatch.TIME_ORDER.compare(message, messages.getLast()) > 0;
        if (!message.outgoing() && news) {
            peerState.set(ChatState.active); // a message ends "is typing" (XEP-0085 §5.4)
            incoming.set(incoming.get() + 1);
        }
        if (!newerExhausted) {
            // The list shows older history after a search: a new message of the contact comes when the
            // user scrolls down; one the user writes brings the conversation back to its newest page. Ours
            // from the archive or another client do not: a back-filled page threw the user off a search result.
            if (message.writtenHereNow()) {
                showNewest();
            }
            return;
        }
        if (arrivals.add(message)) {
            fx.atEndOfBatch(this::flushArrivals);
        }
    }

    /** Puts the messages that arrived into the list; first thing whenever the list is read or changed. */
    private void flushArrivals() {
        arrivals.flushInto(messages, shownIds, olderInHistory);
    }

    /**
     * Forgets the oldest messages of the list once it holds twice {@link #KEPT_WHILE_FOLLOWING}, keeping
     * that many; the view asks while the user follows the newest message. A conversation left open
     * through thousands of messages then holds a few pages, not all of them (its memory, and the list
     * view's work per change); scrolling up reads the rest from history again. Only at twice the bound,
     * so that the list changes once every few hundred messages, not with each. FX thread.
     *
     * @return whether messages were forgotten
     */
    public boolean forgetOldestWhileFollowing() {
        flushArrivals();
        if (!newerExhausted || messages.size() <= 2 * KEPT_WHILE_FOLLOWING) {
            return false;
        }
        generation++; // a page read for the longer list must not join the shorter one
        messages.remove(0, messages.size() - KEPT_WHILE_FOLLOWING);
        olderExhausted = false;
        olderInHistory = true;
        return true;
    }

    /** A message changed state, text or place; FX thread. */
    void changed(StoredMessage message) {
        flushArrivals(); // it may be one that has just arrived
        if (!shownIds.contains(message.id())) {
            return;
        }
        int index = indexOf(message.id());
        StoredMessage shown = messages.get(index);
        // Answers are recorded on different threads (the server's acknowledgement, the contact's receipt),
        // so their news can arrive out of order: never show a message going back from delivered to sent.
        boolean backwards = shown.state() != message.state() && !shown.state().mayBecome(message.state());
        ArrivalBatch.replace(messages, index, backwards ? message.withState(shown.state(), shown.error()) : message);
    }

    private int indexOf(long id) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }
}
