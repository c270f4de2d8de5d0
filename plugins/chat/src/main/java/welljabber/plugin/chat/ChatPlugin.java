package welljabber.plugin.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.chat.OpenChatRequested;
import welljabber.api.chat.UnreadCountChanged;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.connection.SessionListener;
import welljabber.api.error.ErrorSentences;
import welljabber.api.event.Delivery;
import welljabber.api.plugin.ApiVersion;
import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.PluginContext;
import welljabber.api.roster.ContactRenamed;
import welljabber.api.ui.CentreTabType;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.MenuLocation;
import welljabber.api.ui.SettingsPage;
import welljabber.api.ui.SidePane;
import welljabber.api.ui.TabContent;
import welljabber.plugin.chat.conversation.ConversationActions;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.conversation.Conversations;
import welljabber.plugin.chat.conversation.DraftKeeper;
import welljabber.plugin.chat.notice.MessageNotices;
import welljabber.plugin.chat.protocol.Archive;
import welljabber.plugin.chat.protocol.ChatProtocol;
import welljabber.plugin.chat.protocol.HistoryFanOut;
import welljabber.plugin.chat.protocol.HistoryListener;
import welljabber.plugin.chat.protocol.ChatStates;
import welljabber.plugin.chat.protocol.Outbox;
import welljabber.plugin.chat.protocol.RosterNames;
import welljabber.plugin.chat.search.BackgroundIndexer;
import welljabber.plugin.chat.search.SearchIndex;
import welljabber.plugin.chat.search.SearchPane;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.Drafts;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.view.ConversationView;
import welljabber.plugin.chat.view.LinkOpener;

/**
 * One-to-one chat. Wires history, the protocol side and the conversation tabs to the shell: opens a
 * tab on {@link OpenChatRequested}, on a new message, or from File → New conversation; publishes
 * {@link UnreadCountChanged}; sends the outbox whenever an account connects.
 */
public final class ChatPlugin implements Plugin {
    static final String ID = "chat";
    static final String NOTIFY_KEY = "notify.enabled";
    static final String TYPING_KEY = "typing.send";
    static final String SEARCH_PANE = "chat.search";
    /**
     * Last: after contacts, rooms and the server pane (900), so the pane a user opens the window to
     * stays in front; search is reached with Shortcut+Shift+F or Tools → Search messages.
     */
    static final int SEARCH_ORDER = 950;
    private static final System.Logger LOG = System.getLogger(ChatPlugin.class.getName());
    /** A burst of a few thousand messages is stored in about this time on a slow machine. */
    private static final Duration STORING_WHEN_STOPPED = Duration.ofSeconds(5);
    /** One batch of the search index (500 messages) takes well under a second. */
    private static final Duration INDEXING_WHEN_STOPPED = Duration.ofSeconds(5);

    private final List<Disposable> registrations = new ArrayList<>();
    private final Map<AccountId, EntityBareJid> ownJids = new ConcurrentHashMap<>();
    private final Map<XMPPConnection, RosterNames> rosterNames = new ConcurrentHashMap<>();
    /** FX thread only: the views of open tabs. */
    private final Map<ConversationKey, ConversationView> views = new java.util.HashMap<>();
    private PluginContext context;
    private Texts texts;
    private MessageStore store;
    private DraftKeeper drafts;
    private ChatProtocol protocol;
    private Outbox outbox;
    private ChatStates chatStates;
    private Archive archive;
    private SearchIndex searchIndex;
    private BackgroundIndexer indexer;
    private SearchPane searchPane;
    private Conversations conversations;
    private LinkOpener links;
    private MessageNotices notices;
    private volatile boolean ready;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Chat";
    }

    @Override
    public String version() {
        var descriptor = ChatPlugin.class.getModule().getDescriptor();
        return descriptor == null ? "dev" : descriptor.rawVersion().orElse("dev");
    }

    @Override
    public ApiVersion builtAgainst() {
        return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
    }

    @Override
    public String author() {
        return "WellJabber";
    }

    @Override
    public String description() {
        return "One-to-one conversations with local history, delivery receipts and an outbox for when you are offline.";
    }

    @Override
    public void start(PluginContext pluginContext) {
        this.context = pluginContext;
        this.texts = Texts.forLocale(context.locale());
        this.notices = new MessageNotices(new MessageNotices.Desktop() {
            @Override
            public boolean userLooking() {
                return context.ui().mainWindow().map(Window::isFocused).orElse(false);
            }

            @Override
            public boolean wanted() {
                return context.preferences().getBoolean(NOTIFY_KEY, true);
            }

            @Override
            public void show(String title, String text) {
                context.ui().notify(title, text);
            }
        }, texts, key -> new Names().peer(key));
        this.store = new MessageStore(context.storage());
        this.drafts = new DraftKeeper(new Drafts(context.storage()), context.background());
        Clock clock = Clock.systemUTC();
        this.conversations = new Conversations(store, context.background(), new Actions(), new Names(),
                (key, unread) -> context.events().publish(new UnreadCountChanged(key.account(), key.peer(), unread)),
                this::arrived);
        this.searchIndex = new SearchIndex(context.storage(), store);
        this.indexer = new BackgroundIndexer(searchIndex, BackgroundIndexer.belowTheWindow());
        HistoryListener history = new HistoryFanOut(List.of(conversations, indexer));
        this.outbox = new Outbox(store, history, context.sessions()::connection, clock, this::sendTyping, texts.locale());
        this.chatStates = new ChatStates(context.sessions()::connection);
        this.protocol = new ChatProtocol(store, history, conversations, conversations::isOnScreen, texts.locale(), clock);
        this.archive = new Archive(protocol, store, context.sessions()::connection, clock);
        this.links = new LinkOpener(context.background(), sentence -> context.ui().notify(texts.get("settings.title"), sentence),
                texts.get("link.notOpened"));

        registrations.add(context.ui().addCentreTabType(new CentreTabType() {
            @Override
            public String id() {
                return CentreTabType.CHAT;
            }

            @Override
            public TabContent create(AccountId account, Jid address) {
                return tab(new ConversationKey(account, address.asBareJid()));
            }
        }));
        registrations.add(context.ui().addMenuAction(new MenuAction("chat.new", MenuLocation.FILE,
                texts.get("menu.newChat"), Optional.empty(), this::askForAddress)));
        this.searchPane = new SearchPane(searchIndex, context.background(), texts, this::showFound);
        registrations.add(context.ui().addSidePane(new SidePane(SEARCH_PANE, texts.get("search.title"), SEARCH_ORDER,
                searchPane::node)));
        registrations.add(context.ui().addMenuAction(new MenuAction("chat.search", MenuLocation.TOOLS, texts.get("search.menu"),
                Optional.of(KeyCombination.keyCombination("Shortcut+Shift+F")), () -> {
                    context.ui().showSidePane(SEARCH_PANE);
                    searchPane.focus();
                })));
        registrations.add(context.ui().addSettingsPage(new SettingsPage(ID, texts.get("settings.title"), this::settings)));
        registrations.add(context.events().subscribe(OpenChatRequested.class, Delivery.FX_THREAD, this::openRequested));
        // A rename made in this client: Smack's roster listeners do not hear of it, the roster plugin tells us.
        registrations.add(context.events().subscribe(ContactRenamed.class, Delivery.BACKGROUND,
                renamed -> namesChanged(renamed.account(), java.util.Set.of(renamed.contact()))));
        // History must be ready before Smack may hand us a message: the session listener waits for it.
        context.background().execute(this::prepareHistory);
    }

    /** Background: tables, leftovers of a killed run, unread counts; then connections may deliver. */
    private void prepareHistory() {
        try {
            store.migrate();
            int requeued = store.requeueUnconfirmed();
            if (requeued > 0) {
                LOG.log(System.Logger.Level.INFO, "{0} unconfirmed messages of an earlier run are back in the outbox", requeued);
            }
            conversations.loadUnread();
            indexer.poke(); // messages stored while the index was behind (an earlier run, a crash)
            ready = true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The chat history could not be opened", e);
            context.ui().notify(texts.get("settings.title"), texts.get("history.failed"));
            return;
        }
        Platform.runLater(() -> {
            if (!ready) {
                return;
            }
            registrations.add(context.sessions().addSessionListener(new SessionListener() {
                @Override
                public void connectionCreated(AccountId account, EntityBareJid jid, XMPPConnection connection) {
                    ownJids.put(account, jid);
                    protocol.attach(account, connection);
                    Optional.ofNullable(rosterNames.put(connection, RosterNames.watch(account, connection, ChatPlugin.this::namesChanged)))
                            .ifPresent(RosterNames::close);
                }

                @Override
                public void connectionDisposed(AccountId account, XMPPConnection connection) {
                    protocol.detach(connection);
                    context.background().execute(() -> {
                        try {
                            outbox.connectionGivenUp(account);
                        } catch (RuntimeException notRequeued) {
                            LOG.log(System.Logger.Level.WARNING, "Unconfirmed messages stay as they are until the next start", notRequeued);
                        }
                    });
                    Optional.ofNullable(rosterNames.remove(connection)).ifPresent(RosterNames::close);
                }
            }));
            registrations.add(context.events().subscribe(ConnectionStateChanged.class, Delivery.BACKGROUND, change -> {
                ownJids.put(change.account(), change.jid());
                if (change.state() == ConnectionState.CONNECTED) {
                    outbox.flush(change.account());
                    catchUp(change.account());
                }
            }));
            context.background().execute(() -> context.sessions().connectedAccounts().forEach(account -> {
                outbox.flush(account);
                catchUp(account);
            }));
        });
    }

    /** After (re)connecting: what the server's archive has that we missed. Background thread. */
    private void catchUp(AccountId account) {
        try {
            int fetched = archive.catchUp(account);
            if (fetched > 0) {
                LOG.log(System.Logger.Level.INFO, "Caught up {0} messages from the archive", fetched);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "Catching up from the archive failed", failed);
        }
    }

    /** The roster arrived or changed: open tabs take their contacts' names again. */
    private void namesChanged(AccountId account, java.util.Set<org.jxmpp.jid.BareJid> contacts) {
        conversations.namesChanged(key -> key.account().equals(account) && (contacts.isEmpty() || contacts.contains(key.peer())));
    }

    @Override
    public void stop() {
        ready = false;
        registrations.forEach(Disposable::close);
        registrations.clear();
        rosterNames.values().forEach(RosterNames::close);
        rosterNames.clear();
        if (protocol != null) {
            finishStoring();
        }
        if (searchIndex != null) {
            stopIndexing();
        }
        if (drafts != null) {
            drafts.saveAll(); // before the shell closes the database
        }
        views.clear();
        if (conversations != null) {
            conversations.closeAll();
        }
        if (notices != null) {
            notices.stop();
        }
    }

    /**
     * Lets go of the connections and waits, a few seconds at most, for what had arrived to be stored: the
     * shell closes the database after the plugins stop, and a burst still being stored would be cut off.
     * This holds the FX thread, only at exit or when the user turns chat off.
     */
    private void finishStoring() {
        try {
            if (!protocol.detachAll(STORING_WHEN_STOPPED)) {
                LOG.log(System.Logger.Level.WARNING, "Messages were still being stored as chat stopped; those not yet stored "
                        + "got no receipt, and the next start's catch-up from the server's archive looks for them");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Indexing writes on threads of its own: the batch under way ends before the shell closes the database. */
    private void stopIndexing() {
        try {
            if (!searchIndex.stop(INDEXING_WHEN_STOPPED)) {
                LOG.log(System.Logger.Level.ERROR, "Indexing for search did not stop within {0}; the database may close under it",
                        INDEXING_WHEN_STOPPED);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private TabContent tab(ConversationKey key) {
        ConversationModel model = conversations.open(key,
                failure -> context.ui().notify(texts.get("settings.title"), texts.get("history.failed")));
        ConversationView view = new ConversationView(model, texts, links, () -> conversations.markRead(key),
                seen -> conversations.setOnScreen(key, seen),
                sentence -> context.ui().notify(texts.get("settings.title"), sentence),
                new welljabber.plugin.chat.export.ExportAction(store, context.background(), texts, context.ui(),
                        () -> Optional.ofNullable(ownJids.get(key.account())).map(Object::toString).orElse(model.ownName())));
        views.put(key, view);
        drafts.watch(key, view.draftText(), view::setDraft);
        return new TabContent(view.title(), view.node(), () -> {
            drafts.closed(key);
            views.remove(key);
            conversations.closed(key);
        });
    }

    /** From the roster, an {@code xmpp:} URI or another plugin; FX thread. */
    private void openRequested(OpenChatRequested request) {
        ConversationKey key = new ConversationKey(request.account(), request.peer().asBareJid());
        open(key);
        conversations.useResource(key, Optional.ofNullable(request.peer().getResourceOrNull()).map(Object::toString));
        ConversationView view = views.get(key);
        if (view != null) {
            request.draft().ifPresent(view::setDraft);
            view.focusInput();
        }
    }

    /** A search result chosen: its conversation, at that message. FX thread. */
    private void showFound(StoredMessage message) {
        open(message.key());
        ConversationView view = views.get(message.key());
        if (view != null) {
            view.jumpTo(message);
        }
    }

    private void open(ConversationKey key) {
        // One tab per contact: the tab is keyed by the bare address, whichever resource was asked for.
        context.ui().openTab(CentreTabType.CHAT, key.account(), key.peer());
    }

    /**
     * A new message from a contact; FX thread. Opens its tab if none is open, behind the one the user
     * is in, and tells the user if they are elsewhere (a burst as one notice and then one summary).
     */
    private void arrived(StoredMessage message) {
        if (!views.containsKey(message.key())) {
            context.ui().openTabInBackground(CentreTabType.CHAT, message.key().account(), message.key().peer());
        }
        notices.arrived(message);
    }

    /** File → New conversation…: asks for an address and opens it on the first connected account. */
    private void askForAddress() {
        List<AccountId> connected = context.sessions().connectedAccounts();
        if (connected.isEmpty()) {
            context.ui().notify(texts.get("newChat.title"), texts.get("newChat.noAccount"));
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.setTitle(texts.get("newChat.title"));
        dialog.setHeaderText(texts.get("newChat.header"));
        dialog.getEditor().setId("newChatAddress");
        dialog.getEditor().setPromptText(texts.get("newChat.prompt"));
        dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty()).ifPresent(text -> {
            Optional<EntityBareJid> address = ChatAddress.parse(text);
            if (address.isEmpty()) {
                context.ui().notify(texts.get("newChat.title"), texts.format("newChat.invalid", text));
                return;
            }
            open(new ConversationKey(connected.getFirst(), address.get()));
        });
    }

    private VBox settings() {
        CheckBox notify = new CheckBox(texts.get("settings.notify"));
        notify.setId("chatNotifySetting");
        notify.setSelected(context.preferences().getBoolean(NOTIFY_KEY, true));
        notify.selectedProperty().addListener((observable, before, after) ->
                context.preferences().put(NOTIFY_KEY, Boolean.toString(after)));
        CheckBox typing = new CheckBox(texts.get("settings.typing"));
        typing.setId("chatTypingSetting");
        typing.setSelected(sendTyping());
        typing.selectedProperty().addListener((observable, before, after) ->
                context.preferences().put(TYPING_KEY, Boolean.toString(after)));
        VBox page = new VBox(8, notify, typing);
        page.setPadding(new javafx.geometry.Insets(10));
        return page;
    }

    /** Whether our chat states (XEP-0085) go out: the user may keep their typing to themselves. */
    private boolean sendTyping() {
        return context.preferences().getBoolean(TYPING_KEY, true);
    }

    /** What conversations ask of the outbox, history and chat states; background threads. */
    private final class Actions implements ConversationActions {
        @Override
        public boolean send(ConversationKey key, Optional<String> resource, String text) {
            try {
                outbox.submit(key, resource, text);
                return true;
            } catch (RuntimeException notStored) {
                LOG.log(System.Logger.Level.ERROR, "A message to " + key.peer() + " could not be stored", notStored);
                context.ui().notify(texts.get("settings.title"), texts.get("send.notSaved"));
                return false;
            }
        }

        @Override
        public boolean correct(StoredMessage original, String text) {
            try {
                return outbox.correct(original, text);
            } catch (RuntimeException notStored) {
                LOG.log(System.Logger.Level.ERROR, "A correction of message " + original.id() + " could not be stored", notStored);
                return false;
            }
        }

        @Override
        public Optional<StoredMessage> lastOutgoing(ConversationKey key) {
            return store.lastOutgoing(key);
        }

        @Override
        public OptionalInt backFill(ConversationKey key, Optional<StoredMessage> oldest) {
            try {
                return archive.backFill(key, oldest);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "Back-filling " + key.peer() + " from the archive failed", failed);
                return OptionalInt.empty();
            }
        }

        @Override
        public void typing(ConversationKey key, ChatState state) {
            if (sendTyping()) {
                chatStates.send(key, state);
            }
        }
    }

    /**
     * Names in a conversation: the name the user gave the contact in their roster (read from Smack's
     * roster of that account, which the roster plugin keeps; no import of that plugin), else the local
     * part of the address. Roster names come from the server, so they are cleaned like any network text.
     */
    private final class Names implements Conversations.Names {
        @Override
        public String peer(ConversationKey key) {
            return context.sessions().connection(key.account())
                    .map(connection -> Roster.getInstanceFor(connection).getEntry(key.peer()))
                    .map(RosterEntry::getName)
                    .map(ErrorSentences::sanitize)
                    .filter(name -> !name.isBlank())
                    .orElseGet(() -> local(key.peer()));
        }

        @Override
        public String own(ConversationKey key) {
            EntityBareJid own = ownJids.get(key.account());
            return own == null ? key.account().value() : local(own);
        }

        static String local(Jid jid) {
            return jid.getLocalpartOrNull() == null ? jid.toString() : jid.getLocalpartOrNull().toString();
        }
    }
}
