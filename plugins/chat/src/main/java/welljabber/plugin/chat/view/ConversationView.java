package welljabber.plugin.chat.view;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.export.ExportAction;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * A conversation tab: the messages in a virtualized list (only the visible rows have cells, and
 * older pages come from history as the user scrolls to the top), and the composer below. The
 * conversation counts as read while its tab is selected and the window is in front.
 */
public final class ConversationView {
    private final ConversationModel model;
    private final Texts texts;
    private final ListView<StoredMessage> list = new ListView<>();
    private final Label peerState = new Label();
    private final Composer composer;
    private final VBox root;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final Runnable markRead;
    private final Consumer<Boolean> onScreen;
    private BooleanBinding showing;
    private ScrollBar scrollBar;
    private boolean filled;
    private VirtualFlow<?> flow;
    /** The user is at the end of the conversation: new messages scroll into view. */
    private boolean following = true;
    /** Messages of the contact that came while the user was not at the newest one: shown on {@link #newBelow}. */
    private int unseenBelow;
    private final Button newBelow = new Button();
    private final UnreadLine unreadLine;
    /** A push to the end is asked for this pulse: {@link #followEnd} runs after the changes of the pulse. */
    private boolean endScrollPending;
    /**
     * The oldest rows are being forgotten while the user follows the end. On the way the list view puts
     * its scroll bar at the top (it keeps its first row number, past the end of the shorter list): taken
     * for the user scrolling up, that read two older pages back at once, and each moved the rows again.
     */
    private boolean forgetting;
    /** A search result was jumped to and the user has not scrolled since: no older rows are loaded. */
    private boolean jumped;
    /** The push to the end starts with a jump to the last row: the rows on screen are not near the end. */
    private boolean endJumpPending;
    /**
     * The message at the top of the screen when rows came in above it, this pulse: shown at the top again
     * once the list view has the change ({@link #keepPlace}); null when nothing is pending.
     */
    private StoredMessage readingAt;

    /**
     * {@code markRead} is called (FX thread) whenever the user is looking at unread messages;
     * {@code onScreen} hears (FX thread) whether the user can see the conversation now (its tab in front
     * of the focused window); {@code problem} shows a sentence to the user; {@code export} saves the
     * conversation to a file.
     */
    public ConversationView(ConversationModel model, Texts texts, LinkOpener links, Runnable markRead,
            Consumer<Boolean> onScreen, Consumer<String> problem, ExportAction export) {
        this.model = model;
        this.texts = texts;
        this.markRead = markRead;
        this.onScreen = onScreen;
        this.composer = new Composer(model, texts, problem);
        list.setId("chatMessages");
        list.getStyleClass().add("chat-messages");
        list.setItems(model.messages());
        this.unreadLine = new UnreadLine(model.messages());
        list.setCellFactory(view -> new MessageCell(view, model, texts, links, unreadLine.above()));
        unreadLine.above().addListener((observable, before, now) -> list.refresh());
        list.setPlaceholder(new Label(texts.get("history.empty")));
        list.setFocusTraversable(false);
        MessageMenu messageMenu = new MessageMenu(list, model, texts, export);
        // Reading further up, the user would not see what comes below: a button at the bottom says how many
        // came and goes there.
        newBelow.setId("chatNewBelow");
        newBelow.getStyleClass().add("chat-new-below");
        newBelow.setVisible(false);
        newBelow.setOnAction(event -> goToNewest());
        model.incomingProperty().addListener((observable, before, now) -> {
            if (!following || !model.showsNewest()) {
                unseenBelow += now.intValue() - before.intValue();
                showUnseen();
            }
        });
        // At the top of local history with the archive out of reach: say where older messages are.
        Label olderOffline = new Label(texts.get("history.olderNeedConnection"));
        olderOffline.setId("chatOlderNeedConnection");
        olderOffline.getStyleClass().add("chat-older-offline");
        olderOffline.setWrapText(true);
        olderOffline.visibleProperty().bind(model.olderNeedConnectionProperty());
        StackPane listArea = new StackPane(list, newBelow, olderOffline);
        StackPane.setAlignment(newBelow, Pos.BOTTOM_CENTER);
        StackPane.setMargin(newBelow, new Insets(0, 0, 10, 0));
        StackPane.setAlignment(olderOffline, Pos.TOP_CENTER);
        StackPane.setMargin(olderOffline, new Insets(6, 10, 0, 10));
        VBox.setVgrow(listArea, Priority.ALWAYS);
        peerState.setId("chatPeerState");
        peerState.getStyleClass().add("chat-peer-state");
        peerState.textProperty().bind(Bindings.createStringBinding(() -> switch (model.peerStateProperty().get()) {
            case composing -> texts.format("peer.composing", model.peerName());
            case paused -> texts.format("peer.paused", model.peerName());
            default -> "";
        }, model.peerStateProperty(), model.peerNameProperty()));
        peerState.visibleProperty().bind(peerState.textProperty().isNotEmpty());
        peerState.managedProperty().bind(peerState.visibleProperty());
        root = new VBox(6, listArea, peerState, composer.node());
        messageMenu.copyShortcutIn(root, composer::hasSelectedText);
        root.setPadding(new Insets(6));
        root.getStyleClass().add("chat-conversation");
        var stylesheet = ConversationView.class.getResource("/welljabber/plugin/chat/chat.css");
        if (stylesheet != null) {
            root.getStylesheets().add(stylesheet.toExternalForm());
        }
        title.bind(Bindings.createStringBinding(() -> model.unreadProperty().get() > 0
                ? texts.format("tab.titleUnread", model.peerName(), model.unreadProperty().get())
                : texts.format("tab.title", model.peerName()), model.unreadProperty(), model.peerNameProperty()));
        model.peerNameProperty().addListener((observable, before, after) -> list.refresh()); // senders' names in the cells
        model.messages().addListener(this::messagesChanged);
        // Follow new messages only while the user is at the end: decided when the user scrolls, never by
        // our own scrolling (the flow moves its scroll bar during layout too).
        list.addEventFilter(ScrollEvent.SCROLL, event -> Platform.runLater(this::userScrolled));
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> Platform.runLater(this::userScrolled));
        list.addEventFilter(KeyEvent.KEY_RELEASED, event -> Platform.runLater(this::userScrolled));
        model.unreadProperty().addListener((observable, before, after) -> readIfShowing());
        // Scrolling a list that has no height yet (a tab just opened, not laid out) ends nowhere: the newest
        // page then showed from its top now and then. Once it has a height, or a new one, the end is shown
        // again, as long as the user is following the end.
        list.heightProperty().addListener((observable, before, height) -> {
            if (following && filled && height.doubleValue() > 0) {
                scrollToEnd();
            }
        });
        root.sceneProperty().addListener((observable, before, after) -> watchShowing());
    }

    public Node node() {
        return root;
    }

    public ObservableValue<String> title() {
        return title.getReadOnlyProperty();
    }

    public void setDraft(String draft) {
        composer.setDraft(draft);
    }

    /** What the user is writing in this conversation, as they write it. */
    public ObservableValue<String> draftText() {
        return composer.text();
    }

    /** Shows {@code target} (a search result) in the middle of its history, selected. */
    public void jumpTo(StoredMessage target) {
        model.jumpTo(target, index -> {
            setFollowing(false);
            // The jump's own scrolling passes the top of the list on its way: loading older rows then
            // pushed the result off screen (row by row, or whole with a tall message above it).
            jumped = true;
            // At the top of the view: with context above it, a long message there could push it off screen.
            list.scrollTo(index);
            list.getSelectionModel().clearAndSelect(index);
        });
    }

    public void focusInput() {
        composer.focus();
    }

    /** Keeps the newest message in view when it arrives while the user is at the end, or is ours. */
    private void messagesChanged(ListChangeListener.Change<? extends StoredMessage> change) {
        boolean toEnd = false;
        boolean appendedBelowShownEnd = false;
        boolean insertedAboveShownEnd = false;
        while (change.next()) {
            if (!change.wasAdded()) {
                continue;
            }
            unreadLine.added(change);
            // Runs before the list's skin hears of the change, so the flow still shows the rows before it;
            // when the end is already asked for, earlier changes of this pulse moved the rows it shows.
            if (change.getTo() == model.messages().size()) {
                if (change.getAddedSubList().stream().anyMatch(StoredMessage::writtenHereNow)) {
                    setFollowing(true); // the user wrote: they are at the end, and the answer should show
                    unreadLine.clear(); // and has read what came before
                }
                toEnd |= !filled || following;
                appendedBelowShownEnd = filled && (endScrollPending || lastVisibleIndex() >= change.getFrom() - 1);
            } else if (following
                    && (endScrollPending || lastVisibleIndex() >= model.messages().size() - change.getAddedSize() - 1)) {
                // Older messages came in above an end the user is looking at: the newest page read after a
                // message had opened the tab, or a page from the archive. The flow keeps its row numbers, so
                // the user was left in the middle of history instead of at the message just received.
                insertedAboveShownEnd = true;
            } else if (readingAt == null && !change.wasRemoved() && (!following || atTop())
                    && readingRow() instanceof IndexedCell<?> row && change.getFrom() <= row.getIndex()
                    && row.getItem() instanceof StoredMessage reading) {
                // Older messages came in above what the user reads (a page read as they scrolled up, or what
                // the archive brought meanwhile). The flow keeps its row numbers: the rows on screen were
                // pushed down out of sight, and at the top of the list the next scroll up asked for nothing.
                // (One still holding the thumb at the top counts as following until they let go.)
                readingAt = reading;
                Platform.runLater(this::keepPlace);
            }
        }
        filled |= !model.messages().isEmpty();
        verticalScrollBar();
        if (insertedAboveShownEnd) {
            scrollToEnd();
        } else if (toEnd) {
            if (appendedBelowShownEnd) {
                followEnd();
            } else {
                scrollToEnd();
            }
        }
    }

    /**
     * Shows the last message whole, after this pulse's changes: a jump to the last row (by pixels alone
     * from far above, the flow's estimate of rows it never laid out, which wrap and so differ, left it
     * rows short of the end), then the push to its very end. Once per pulse, however many changes.
     */
    private void scrollToEnd() {
        endJumpPending = true;
        followEnd();
    }

    /**
     * Pushes the flow to its very end after the next layout, without {@link ListView#scrollTo}: when the
     * end was on screen already, scrolling by pixels keeps the cells that stay and fills only the rows
     * that come into view, where a jump to an index gave every visible cell a new item (in a burst, the
     * FX thread's largest cost).
     */
    private void followEnd() {
        if (!endScrollPending) {
            endScrollPending = true;
            Platform.runLater(() -> {
                endScrollPending = false;
                boolean jump = endJumpPending;
                endJumpPending = false;
                if (following && flow() instanceof VirtualFlow<?> flow) {
                    // The rows on screen get new indexes when older ones are forgotten: go to the last row again.
                    forgetting = model.forgetOldestWhileFollowing();
                    try {
                        if (jump || forgetting) {
                            list.scrollTo(model.messages().size() - 1);
                        }
                        list.layout();
                        flow.scrollPixels(Double.MAX_VALUE / 4);
                    } finally {
                        forgetting = false;
                    }
                }
            });
        }
    }

    /**
     * Puts the message the user was reading back at the top, after the changes that pushed it down; run
     * later, since the list view hears of a change after this view does and would scroll by its old rows.
     * A push to the end asked for meanwhile wins.
     */
    private void keepPlace() {
        StoredMessage at = readingAt;
        readingAt = null;
        if (at == null || endScrollPending) {
            return;
        }
        List<StoredMessage> messages = model.messages();
        for (int index = 0; index < messages.size(); index++) {
            if (messages.get(index).id() == at.id()) {
                list.scrollTo(index);
                list.layout(); // more may come in above before the next frame: they read the rows on screen
                return;
            }
        }
    }

    /** Whether the view keeps the newest message in sight; at the newest, nothing is unseen below any more. */
    private void setFollowing(boolean now) {
        following = now;
        if (now && model.showsNewest()) {
            unseenBelow = 0;
            showUnseen();
        }
    }

    private void showUnseen() {
        newBelow.setVisible(unseenBelow > 0);
        newBelow.setText(unseenBelow == 1 ? texts.get("newBelow.one") : texts.format("newBelow.many", unseenBelow));
    }

    /** The button below: to the newest message, loading the newest page first when a search jump left it. */
    private void goToNewest() {
        jumped = false;
        boolean loaded = model.showsNewest();
        model.showNewest();
        setFollowing(true);
        if (loaded) {
            scrollToEnd();
        }
    }

    private void userScrolled() {
        setFollowing(lastVisible());
        if (jumped) {
            jumped = false;
            if (scrollBar != null && scrollBar.getValue() <= scrollBar.getMin()) {
                loadOlder(); // the user went to the top while older rows were held back
            }
        }
    }

    /** The user is at the top of the list: the page before it, keeping the row at the top where it is. */
    private void loadOlder() {
        if (!filled) {
            return;
        }
        model.loadOlder(); // the page comes in above the rows on screen, which stay there (keepPlace)
    }

    /** Whether the list is scrolled to its top (or has no scroll bar yet). */
    private boolean atTop() {
        return scrollBar == null || scrollBar.getValue() <= scrollBar.getMin();
    }

    /** Whether the last row is on screen, as laid out now. */
    private boolean lastVisible() {
        return lastVisibleIndex() >= model.messages().size() - 1;
    }

    /** The index of the last row on screen as laid out now; the largest int when there is no layout yet. */
    private int lastVisibleIndex() {
        if (!(flow() instanceof VirtualFlow<?> flow)) {
            return Integer.MAX_VALUE; // not laid out yet
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null ? Integer.MAX_VALUE : last.getIndex();
    }

    /**
     * The row the user reads at the top, as laid out now (before a change not yet laid out): the first on
     * screen, or the next when the first is cut off at the top; null without a layout.
     */
    private IndexedCell<?> readingRow() {
        if (!(flow() instanceof VirtualFlow<?> flow)) {
            return null;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first != null && first.getLayoutY() < 0 && flow.getVisibleCell(first.getIndex() + 1) instanceof IndexedCell<?> next) {
            return next;
        }
        return first;
    }

    /** The index of the first row on screen as laid out now (the rows before a change not yet laid out); 0 without a layout. */
    private int firstVisibleIndex() {
        if (!(flow() instanceof VirtualFlow<?> flow)) {
            return 0;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        return first == null ? 0 : first.getIndex();
    }

    /** The list's flow once its skin made one (looked up once: a burst asks for it at every change), or null. */
    private VirtualFlow<?> flow() {
        if (flow == null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            flow = found;
        }
        return flow;
    }

    /** The list's own scroll bar, once its skin exists: scrolling to its top loads the page before. */
    private ScrollBar verticalScrollBar() {
        if (scrollBar == null) {
            for (Node node : list.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                    scrollBar = bar;
                    bar.valueProperty().addListener((observable, before, after) -> {
                        if (after.doubleValue() >= bar.getMax() && filled) {
                            model.loadNewer();
                        }
                        if (after.doubleValue() <= bar.getMin() && !jumped && !forgetting) {
                            // The rows at the top are laid out before the page comes, which may be within this
                            // frame: keeping the user's place, and whether they follow the end, read the rows
                            // on screen, and found those from before the scroll.
                            list.layout();
                            loadOlder();
                        }
                    });
                }
            }
        }
        return scrollBar;
    }

    /** Finds the tab holding this view once it is in the window, and watches whether it is in front. */
    private void watchShowing() {
        if (root.getScene() == null || showing != null) {
            return;
        }
        findTab().ifPresent(tab -> {
            Window window = root.getScene().getWindow();
            showing = Bindings.createBooleanBinding(() -> tab.isSelected() && window != null && window.isFocused(),
                    tab.selectedProperty(), window == null ? tab.selectedProperty() : window.focusedProperty());
            showing.addListener((observable, before, after) -> {
                onScreen.accept(after);
                readIfShowing();
            });
            onScreen.accept(showing.get());
            readIfShowing();
            // A tab filled behind others was laid out at no height: show its end when it comes to the front.
            tab.selectedProperty().addListener((observable, before, selected) -> {
                if (selected && following && filled) {
                    scrollToEnd();
                }
            });
        });
        list.applyCss();
        list.layout();
        verticalScrollBar();
        // The first page can arrive before the list had a skin, and a scroll asked of a list without one is
        // lost (the bench saw the newest page open at its top now and then): ask again now that it has one.
        if (following && filled) {
            scrollToEnd();
        }
    }

    private Optional<Tab> findTab() {
        for (Parent parent = root.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof TabPane pane) {
                return pane.getTabs().stream().filter(tab -> tab.getContent() == root).findFirst();
            }
        }
        return Optional.empty();
    }

    private void readIfShowing() {
        if (showing != null && showing.get() && model.unreadProperty().get() > 0) {
            markRead.run();
        }
    }
}
