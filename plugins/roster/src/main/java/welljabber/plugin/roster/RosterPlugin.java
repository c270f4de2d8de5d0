package welljabber.plugin.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.account.AccountRemoved;
import welljabber.api.chat.UnreadCountChanged;
import welljabber.api.connection.SessionListener;
import welljabber.api.event.Delivery;
import welljabber.api.i18n.PluginTexts;
import welljabber.api.plugin.ApiVersion;
import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.PluginContext;
import welljabber.api.presence.ContactPresenceChanged;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.MenuLocation;
import welljabber.api.ui.SidePane;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactBook;
import welljabber.plugin.roster.model.ContactKey;
import welljabber.plugin.roster.model.RosterLayout;
import welljabber.plugin.roster.session.AccountRoster;
import welljabber.plugin.roster.session.ContactOperations;
import welljabber.plugin.roster.session.SubscriptionRequest;
import welljabber.plugin.roster.store.PersistentRosterStore;
import welljabber.plugin.roster.store.RosterTables;
import welljabber.plugin.roster.view.RequestsView;
import welljabber.plugin.roster.view.RosterController;
import welljabber.plugin.roster.view.RosterPane;
import welljabber.plugin.roster.view.RosterViewModel;
import welljabber.plugin.roster.view.ViewOptionsPreferences;

/**
 * The Contacts side pane. For every account connection the shell creates, an {@link AccountRoster}
 * keeps the shared {@link ContactBook} in step with Smack's roster (stored in H2 for roster
 * versioning); the pane shows the book. Chats open by publishing {@code OpenChatRequested}; unread
 * counts arrive as {@code UnreadCountChanged} from whichever plugin handles chats.
 */
public final class RosterPlugin implements Plugin {
    public static final String ID = "roster";
    static final String BUNDLE = "welljabber.plugin.roster.messages";
    /** The first side pane: the contact list is what a chat client opens on. */
    static final int PANE_ORDER = 0;

    private static final System.Logger LOG = System.getLogger(RosterPlugin.class.getName());

    private final List<Disposable> registrations = new ArrayList<>();
    private final Map<AccountId, AccountRoster> rosters = new ConcurrentHashMap<>();
    private final Map<AccountId, BareJid> ownAddresses = new ConcurrentHashMap<>();
    private final ContactBook book = new ContactBook();
    private PluginContext context;
    private PluginTexts texts;
    private ExecutorService network;
    private ExecutorService storeWriter;
    private ScheduledExecutorService layoutScheduler;
    private CompletableFuture<Void> storageReady;
    private ContactOperations operations;
    private RosterViewModel viewModel;
    private RequestsView requests;
    private RosterPane pane;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Contacts";
    }

    @Override
    public String version() {
        return Plugin.moduleVersion(RosterPlugin.class);
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
        return "The contact list: groups, presence, contact requests, devices, blocking and a stored roster for fast logins.";
    }

    @Override
    public void start(PluginContext pluginContext) {
        this.context = pluginContext;
        this.texts = texts(pluginContext.locale());
        network = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("roster-net-", 0).factory());
        storeWriter = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("roster-store").factory());
        layoutScheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("roster-layout").factory());
        storageReady = CompletableFuture.runAsync(() -> context.storage().migrate(RosterTables.MIGRATIONS), context.background());

        operations = new ContactOperations(network, texts.locale());
        viewModel = new RosterViewModel(book, new RosterLayout(texts.locale()), layoutScheduler, this::accountLabel);
        ViewOptionsPreferences remembered = new ViewOptionsPreferences(context.preferences());
        viewModel.options().set(remembered.load());
        viewModel.options().addListener((observable, old, now) -> {
            // Saving each keystroke of the filter would only rewrite the same values.
            if (old.sort() != now.sort() || old.showOffline() != now.showOffline() || !old.collapsed().equals(now.collapsed())) {
                remembered.save(now);
            }
        });
        RosterController controller = new RosterController(context, operations, book, texts, ownAddresses);
        requests = new RequestsView(texts, controller::answer);
        pane = new RosterPane(viewModel, controller, requests, texts);
        controller.attachRequests(requests);
        book.onChange(viewModel::bookChanged);

        registrations.add(context.ui().addSidePane(new SidePane(ID, texts.get("pane.title"), PANE_ORDER, pane::node)));
        registrations.add(context.ui().addMenuAction(new MenuAction("roster.add", MenuLocation.ACCOUNTS,
                texts.get("menu.addContact"), Optional.empty(), controller::showAddContact)));
        registrations.add(context.ui().addMenuAction(new MenuAction("roster.blocked", MenuLocation.ACCOUNTS,
                texts.get("menu.blocked"), Optional.empty(), controller::showBlocked)));
        registrations.add(context.events().subscribe(UnreadCountChanged.class, Delivery.BACKGROUND, this::unreadChanged));
        registrations.add(context.events().subscribe(AccountRemoved.class, Delivery.BACKGROUND, this::accountRemoved));
        registrations.add(context.sessions().addSessionListener(new Sessions()));
        viewModel.relayoutNow();
    }

    @Override
    public void stop() {
        registrations.forEach(Disposable::close);
        registrations.clear();
        rosters.values().forEach(AccountRoster::detach);
        rosters.clear();
        book.onChange(() -> {
        });
        if (network != null) {
            network.shutdownNow();
            // Pending roster writes are small; let them finish so the stored version stays true.
            storeWriter.shutdown();
            layoutScheduler.shutdownNow();
        }
    }

    /** The plugin's texts in {@code locale}'s language (English unless Chinese). */
    public static PluginTexts texts(Locale locale) {
        return PluginTexts.load(locale, bundleLocale -> ResourceBundle.getBundle(BUNDLE, bundleLocale));
    }

    private String accountLabel(AccountId account) {
        return rosters.size() > 1 ? Optional.ofNullable(ownAddresses.get(account)).map(Object::toString).orElse(account.value()) : "";
    }

    private void unreadChanged(UnreadCountChanged event) {
        book.update(new ContactKey(event.account(), event.peer().asBareJid()), contact -> contact.withUnread(event.unread()));
    }

    private void accountRemoved(AccountRemoved event) {
        book.removeAccount(event.account());
        Platform.runLater(() -> requests.removeAccount(event.account()));
        storageReady.thenRunAsync(() -> PersistentRosterStore.forget(context.storage(), event.account()), storeWriter);
    }

    /** Binds each account connection the shell creates; called on a background thread before login. */
    private final class Sessions implements SessionListener {
        @Override
        public void connectionCreated(AccountId account, EntityBareJid jid, XMPPConnection connection) {
            if (Platform.isFxApplicationThread()) {
                // Told about an existing connection while starting: the store read must not block the FX thread.
                context.background().execute(() -> bind(account, jid, connection));
            } else {
                bind(account, jid, connection);
            }
        }

        @Override
        public void connectionDisposed(AccountId account, XMPPConnection connection) {
            AccountRoster roster = rosters.get(account);
            if (roster != null && roster.connection() == connection) {
                roster.detach();
                rosters.remove(account, roster);
                operations.unregister(account, roster);
            }
        }

        private void bind(AccountId account, EntityBareJid jid, XMPPConnection connection) {
            ownAddresses.put(account, jid.asBareJid());
            try {
                storageReady.join();
                Roster.getInstanceFor(connection).setRosterStore(PersistentRosterStore.open(account, context.storage(), storeWriter));
            } catch (RuntimeException e) {
                // Without the store the roster still works; every login just transfers it whole.
                LOG.log(System.Logger.Level.WARNING, "The stored roster of " + account + " could not be read", e);
            }
            AccountRoster roster = new AccountRoster(account, connection, book, new Events());
            AccountRoster previous = rosters.put(account, roster);
            if (previous != null) {
                previous.detach();
            }
            operations.register(roster);
            roster.attach();
        }
    }

    /** What the Smack side tells the plugin beyond the book. */
    private final class Events implements AccountRoster.Listener {
        @Override
        public void subscriptionRequested(SubscriptionRequest request) {
            Platform.runLater(() -> {
                requests.add(request);
                context.ui().notify(texts.get("requests.notice.title"), request.nickname().isEmpty()
                        ? texts.format("requests.who", request.from())
                        : texts.format("requests.whoNamed", request.nickname(), request.from()));
            });
        }

        @Override
        public void foreignRosterPushIgnored(AccountId account, Jid from) {
            // Logged by AccountRoster; nothing for the user to do.
        }

        @Override
        public void presenceChanged(Contact contact) {
            context.events().publish(new ContactPresenceChanged(contact.account(), contact.jid(), contact.kind(), contact.status()));
        }

        @Override
        public void blockListUnavailable(AccountId account, Exception cause) {
            LOG.log(System.Logger.Level.WARNING, "The block list of " + account + " could not be read", cause);
        }
    }
}
