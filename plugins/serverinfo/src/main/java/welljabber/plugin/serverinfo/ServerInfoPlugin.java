package welljabber.plugin.serverinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;

import org.jivesoftware.smack.XMPPConnection;

import welljabber.api.account.AccountId;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.connection.XmppSessions;
import welljabber.api.error.ErrorSentences;
import welljabber.api.event.Delivery;
import welljabber.api.plugin.ApiVersion;
import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.PluginContext;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.MenuLocation;
import welljabber.api.ui.SidePane;
import welljabber.api.ui.StatusBarItem;

/**
 * The "Server" side pane, the Tools → Server information action and the status bar label with the
 * server's software. Accounts that connect are asked about their server off the JavaFX thread;
 * answers go to the pane on the JavaFX thread, and an answer that arrives after the account
 * disconnected or was asked again is dropped.
 */
public final class ServerInfoPlugin implements Plugin {
    static final String ID = "serverinfo";
    /** Side panes of the everyday plugins (contacts, rooms) come first. */
    static final int PANE_ORDER = 900;
    static final int STATUS_ORDER = 900;

    private static final System.Logger LOG = System.getLogger(ServerInfoPlugin.class.getName());

    private final AtomicLong tickets = new AtomicLong();
    /** The newest question per account; answers to older ones are stale. */
    private final Map<AccountId, Long> latest = new ConcurrentHashMap<>();
    private final Map<AccountId, String> jids = new ConcurrentHashMap<>();
    private final List<Disposable> registrations = new ArrayList<>();
    private volatile boolean running;
    private PluginContext context;
    private Texts texts;
    private ServerView view;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Server information";
    }

    @Override
    public String version() {
        return Plugin.moduleVersion(ServerInfoPlugin.class);
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
        return "Shows each connected account's server: software, features, encryption and stream management.";
    }

    @Override
    public void start(PluginContext pluginContext) {
        this.context = pluginContext;
        this.texts = Texts.forLocale(pluginContext.locale());
        this.view = new ServerView(texts, this::refreshAll);
        running = true;
        registrations.add(context.ui().addSidePane(
                new SidePane(ID, texts.get("pane.title"), PANE_ORDER, view::pane)));
        registrations.add(context.ui().addMenuAction(new MenuAction(ID, MenuLocation.TOOLS,
                texts.get("menu.serverInfo"), Optional.empty(), () -> {
                    context.ui().showSidePane(ID);
                    refreshAll();
                })));
        registrations.add(context.ui().addStatusBarItem(new StatusBarItem(ID, STATUS_ORDER, view.statusItem())));
        registrations.add(context.events().subscribe(ConnectionStateChanged.class, Delivery.BACKGROUND,
                this::stateChanged));
        // Accounts that connected before the plugin started (it was enabled later) are asked too.
        context.background().execute(this::askConnectedAccounts);
    }

    @Override
    public void stop() {
        running = false;
        registrations.forEach(Disposable::close);
        registrations.clear();
        latest.clear();
        jids.clear();
        if (view != null) {
            view.clear();
        }
    }

    /** On a background thread, in order, for one account's connection state. */
    private void stateChanged(ConnectionStateChanged event) {
        AccountId account = event.account();
        jids.put(account, event.jid().toString());
        if (event.state() == ConnectionState.CONNECTED) {
            ask(account);
        } else {
            long ticket = nextTicket(account);
            onFx(account, ticket, () -> view.offline(account));
        }
    }

    /** Tools → Server information and the Refresh button: asks every connected account's server again. */
    private void refreshAll() {
        context.background().execute(this::askConnectedAccounts);
    }

    private void askConnectedAccounts() {
        for (AccountId account : context.sessions().connectedAccounts()) {
            ask(account);
        }
    }

    /** Asks the account's server in the background; any thread. */
    private void ask(AccountId account) {
        if (!running) {
            return;
        }
        XmppSessions sessions = context.sessions();
        Locale locale = texts.locale();
        long ticket = nextTicket(account);
        Optional<XMPPConnection> connection = sessions.connection(account);
        if (connection.isEmpty()) {
            onFx(account, ticket, () -> view.offline(account));
            return;
        }
        String jid = jids.computeIfAbsent(account, id -> bareJid(connection.get()));
        onFx(account, ticket, () -> view.loading(account, jid));
        context.background().execute(() -> {
            try {
                ServerReport report = ServerQuery.ask(connection.get(), locale);
                onFx(account, ticket, () -> view.show(account, jid, report));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "Asking the server of " + jid + " failed", e);
                String sentence = ErrorSentences.forThrowable(e, locale);
                onFx(account, ticket, () -> view.failed(account, jid, sentence));
            }
        });
    }

    private long nextTicket(AccountId account) {
        long ticket = tickets.incrementAndGet();
        latest.put(account, ticket);
        return ticket;
    }

    /** Runs {@code work} on the FX thread unless the plugin stopped or a newer question was asked meanwhile. */
    private void onFx(AccountId account, long ticket, Runnable work) {
        Platform.runLater(() -> {
            Long newest = latest.get(account);
            if (running && newest != null && newest == ticket) {
                work.run();
            }
        });
    }

    private static String bareJid(XMPPConnection connection) {
        var user = connection.getUser();
        return user == null ? connection.getXMPPServiceDomain().toString() : user.asEntityBareJidString();
    }
}
