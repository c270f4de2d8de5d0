package welljabber.app.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

import javafx.stage.Window;

import welljabber.api.account.AccountId;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.SessionListener;
import welljabber.api.connection.XmppSessions;
import welljabber.api.event.Delivery;
import welljabber.api.event.EventBus;
import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.PluginContext;
import welljabber.api.plugin.ServiceRegistry;
import welljabber.api.prefs.PluginPreferences;
import welljabber.api.storage.PluginStorage;
import welljabber.api.ui.CentreTabType;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.SettingsPage;
import welljabber.api.ui.SidePane;
import welljabber.api.ui.StatusBarItem;
import welljabber.api.ui.ContactAction;
import welljabber.api.ui.UiContributions;
import welljabber.app.settings.FilePreferences;

/**
 * The context one plugin gets. It hands out the shell's shared services, but wraps every call that
 * registers something so the registration is tracked and undone when the plugin stops.
 */
final class HostedPluginContext implements PluginContext {
    private final Tracker tracker = new Tracker();
    private final PluginHost.Shared shared;
    private final String pluginId;
    private PluginStorage storage;
    private FilePreferences preferences;

    HostedPluginContext(PluginHost.Shared shared, String pluginId) {
        this.shared = shared;
        this.pluginId = pluginId;
    }

    void closeAll() {
        tracker.closeAll();
    }

    @Override
    public EventBus events() {
        return new EventBus() {
            @Override
            public <E> Disposable subscribe(Class<E> type, Delivery delivery, Consumer<? super E> handler) {
                return tracker.track(shared.events().subscribe(type, delivery, handler));
            }

            @Override
            public void publish(Object event) {
                shared.events().publish(event);
            }
        };
    }

    @Override
    public XmppSessions sessions() {
        XmppSessions sessions = shared.sessions();
        return new XmppSessions() {
            @Override
            public java.util.Optional<XMPPConnection> connection(AccountId account) {
                return sessions.connection(account);
            }

            @Override
            public java.util.List<AccountId> connectedAccounts() {
                return sessions.connectedAccounts();
            }

            @Override
            public ConnectionState state(AccountId account) {
                return sessions.state(account);
            }

            @Override
            public Disposable addSessionListener(SessionListener listener) {
                return tracker.track(sessions.addSessionListener(listener));
            }
        };
    }

    @Override
    public synchronized PluginStorage storage() {
        if (storage == null) {
            storage = shared.database().pluginStorage(pluginId);
        }
        return storage;
    }

    @Override
    public UiContributions ui() {
        PluginUiHost ui = shared.ui();
        return new UiContributions() {
            @Override
            public Disposable addSidePane(SidePane pane) {
                return tracker.track(ui.addSidePane(pane));
            }

            @Override
            public Disposable addMenuAction(MenuAction action) {
                return tracker.track(ui.addMenuAction(action));
            }

            @Override
            public Disposable addStatusBarItem(StatusBarItem item) {
                return tracker.track(ui.addStatusBarItem(item));
            }

            @Override
            public Disposable addSettingsPage(SettingsPage page) {
                return tracker.track(ui.addSettingsPage(page, filePreferences()));
            }

            @Override
            public Disposable addCentreTabType(CentreTabType type) {
                return tracker.track(ui.addCentreTabType(type));
            }

            @Override
            public Disposable addContactAction(ContactAction action) {
                return tracker.track(ui.addContactAction(action));
            }

            @Override
            public java.util.List<ContactAction> contactActions() {
                return ui.contactActions();
            }

            @Override
            public boolean openTab(String typeId, AccountId account, Jid address) {
                return ui.openTab(typeId, account, address);
            }

            @Override
            public boolean openTabInBackground(String typeId, AccountId account, Jid address) {
                return ui.openTabInBackground(typeId, account, address);
            }

            @Override
            public boolean showSidePane(String id) {
                return ui.showSidePane(id);
            }

            @Override
            public java.util.Optional<Window> mainWindow() {
                return ui.mainWindow();
            }

            @Override
            public void notify(String title, String text) {
                ui.notify(title, text);
            }

            @Override
            public java.util.Optional<welljabber.api.ui.SaveAnswer> askWhereToSave(welljabber.api.ui.SaveQuestion question) {
                return ui.askWhereToSave(question);
            }
        };
    }

    @Override
    public ServiceRegistry services() {
        ServiceRegistry services = shared.services();
        return new ServiceRegistry() {
            @Override
            public <T> Disposable register(Class<T> type, T service) {
                return tracker.track(services.register(type, service));
            }

            @Override
            public <T> java.util.Optional<T> lookup(Class<T> type) {
                return services.lookup(type);
            }
        };
    }

    @Override
    public Executor background() {
        return shared.background();
    }

    @Override
    public PluginPreferences preferences() {
        return filePreferences();
    }

    private synchronized FilePreferences filePreferences() {
        if (preferences == null) {
            preferences = FilePreferences.of(shared.configFolder().resolve("plugins").resolve(pluginId + ".properties"));
        }
        return preferences;
    }

    @Override
    public Path dataFolder() {
        Path folder = shared.dataFolder().resolve("plugin-data").resolve(pluginId);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    @Override
    public Locale locale() {
        return shared.locale();
    }

}
