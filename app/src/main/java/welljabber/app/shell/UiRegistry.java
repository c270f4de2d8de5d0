package welljabber.app.shell;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Tab;
import javafx.stage.Window;

import org.jxmpp.jid.Jid;
import org.tinylog.Logger;

import welljabber.api.account.AccountId;
import welljabber.api.plugin.Disposable;
import welljabber.api.ui.CentreTabType;
import welljabber.api.ui.ContactAction;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.SaveAnswer;
import welljabber.api.ui.SaveQuestion;
import welljabber.api.ui.SettingsPage;
import welljabber.api.ui.SidePane;
import welljabber.api.ui.StatusBarItem;
import welljabber.api.ui.TabContent;
import welljabber.app.plugins.PluginUiHost;
import welljabber.app.settings.FilePreferences;

/**
 * Holds what plugins contribute to the main window, as observable lists the window binds to. Every
 * method must run on the FX thread; calls from elsewhere are a plugin bug, reported loudly.
 */
public final class UiRegistry implements PluginUiHost {
    private final ObservableList<SidePane> sidePanes = FXCollections.observableArrayList();
    private final ObservableList<MenuAction> menuActions = FXCollections.observableArrayList();
    private final ObservableList<StatusBarItem> statusItems = FXCollections.observableArrayList();
    private final ObservableList<SettingsPage> settingsPages = FXCollections.observableArrayList();
    /** By identity: two plugins may add equal pages (records), each with its own preferences. */
    private final Map<SettingsPage, FilePreferences> pagePreferences = new IdentityHashMap<>();
    private final ObservableList<ContactAction> contactActions = FXCollections.observableArrayList();
    private final Map<String, CentreTabType> tabTypes = new HashMap<>();
    private final ObservableList<Tab> centreTabs = FXCollections.observableArrayList();
    private final Map<String, Tab> tabsByKey = new HashMap<>();
    private Window window;
    private FileDialogs fileDialogs = FileDialogs.desktop();
    private Notifier notifier = (title, text) -> Logger.info("{}: {}", title, text);

    /** A tab asks to be shown and selected. */
    public interface TabSelector {
        void select(Tab tab);
    }

    private TabSelector selector = tab -> {
    };

    /** The window shows a side pane on request. */
    public interface SidePaneShower {
        void show(String id);
    }

    private SidePaneShower sidePaneShower = id -> {
    };

    @FunctionalInterface
    public interface Notifier {
        void show(String title, String text);
    }

    void attach(Window mainWindow, TabSelector tabSelector, SidePaneShower shower, Notifier shellNotifier) {
        this.sidePaneShower = shower;
        this.window = mainWindow;
        this.selector = tabSelector;
        this.notifier = shellNotifier;
    }

    ObservableList<SidePane> sidePanes() {
        return sidePanes;
    }

    ObservableList<MenuAction> menuActions() {
        return menuActions;
    }

    ObservableList<StatusBarItem> statusItems() {
        return statusItems;
    }

    public ObservableList<SettingsPage> settingsPages() {
        return settingsPages;
    }

    ObservableList<Tab> centreTabs() {
        return centreTabs;
    }

    @Override
    public Disposable addSidePane(SidePane pane) {
        requireFxThread();
        sidePanes.add(pane);
        FXCollections.sort(sidePanes, Comparator.comparingInt(SidePane::order));
        return () -> onFx(() -> sidePanes.remove(pane));
    }

    @Override
    public Disposable addMenuAction(MenuAction action) {
        requireFxThread();
        menuActions.add(action);
        return () -> onFx(() -> menuActions.remove(action));
    }

    @Override
    public Disposable addStatusBarItem(StatusBarItem item) {
        requireFxThread();
        statusItems.add(item);
        FXCollections.sort(statusItems, Comparator.comparingInt(StatusBarItem::order));
        return () -> onFx(() -> statusItems.remove(item));
    }

    @Override
    public Disposable addSettingsPage(SettingsPage page) {
        requireFxThread();
        settingsPages.add(page);
        return () -> onFx(() -> settingsPages.remove(page));
    }

    @Override
    public Disposable addSettingsPage(SettingsPage page, FilePreferences preferences) {
        Disposable added = addSettingsPage(page);
        pagePreferences.put(page, preferences);
        return () -> {
            added.close();
            onFx(() -> pagePreferences.remove(page));
        };
    }

    /** The preferences a page's controls write to, when a plugin added it. */
    public Optional<FilePreferences> preferencesOf(SettingsPage page) {
        return Optional.ofNullable(pagePreferences.get(page));
    }

    @Override
    public Disposable addCentreTabType(CentreTabType type) {
        requireFxThread();
        tabTypes.put(type.id(), type);
        return () -> onFx(() -> {
            tabTypes.remove(type.id(), type);
            tabsByKey.entrySet().removeIf(entry -> {
                if (entry.getKey().startsWith(type.id() + '|')) {
                    centreTabs.remove(entry.getValue());
                    return true;
                }
                return false;
            });
        });
    }

    @Override
    public Disposable addContactAction(ContactAction action) {
        requireFxThread();
        contactActions.add(action);
        FXCollections.sort(contactActions, Comparator.comparingInt(ContactAction::order));
        return () -> onFx(() -> contactActions.remove(action));
    }

    @Override
    public List<ContactAction> contactActions() {
        requireFxThread();
        return List.copyOf(contactActions);
    }

    @Override
    public boolean openTab(String typeId, AccountId account, Jid address) {
        return open(typeId, account, address, true);
    }

    @Override
    public boolean openTabInBackground(String typeId, AccountId account, Jid address) {
        return open(typeId, account, address, false);
    }

    private boolean open(String typeId, AccountId account, Jid address, boolean toFront) {
        requireFxThread();
        CentreTabType type = tabTypes.get(typeId);
        if (type == null) {
            return false;
        }
        String key = typeId + '|' + account.value() + '|' + address;
        Tab tab = tabsByKey.get(key);
        if (tab == null) {
            TabContent content = type.create(account, address);
            Tab created = new Tab();
            created.textProperty().bind(content.title());
            created.setContent(content.node());
            created.setOnClosed(event -> {
                tabsByKey.remove(key);
                centreTabs.remove(created);
                content.onClosed().run();
            });
            tab = created;
            tabsByKey.put(key, tab);
            centreTabs.add(tab);
        }
        if (toFront) {
            selector.select(tab);
        }
        return true;
    }

    @Override
    public boolean showSidePane(String id) {
        requireFxThread();
        if (sidePanes.stream().noneMatch(pane -> pane.id().equals(id))) {
            return false;
        }
        sidePaneShower.show(id);
        return true;
    }

    @Override
    public Optional<Window> mainWindow() {
        return Optional.ofNullable(window);
    }

    @Override
    public void notify(String title, String text) {
        onFx(() -> notifier.show(title, text));
    }

    @Override
    public Optional<SaveAnswer> askWhereToSave(SaveQuestion question) {
        requireFxThread();
        return fileDialogs.saveFile(window, question);
    }

    /** The file dialogs plugins' questions go to (tests answer them instead of the desktop). */
    public void setFileDialogs(FileDialogs dialogs) {
        this.fileDialogs = java.util.Objects.requireNonNull(dialogs);
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("UI contributions must be made on the JavaFX application thread");
        }
    }

    private static void onFx(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
