package welljabber.app.shell;

import java.util.EnumMap;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import welljabber.api.ui.MenuAction;
import welljabber.api.ui.MenuLocation;
import welljabber.api.ui.SidePane;
import welljabber.app.account.AccountService;
import welljabber.app.i18n.Messages;

/**
 * The main window: menu bar, side panes on the left, centre tabs, status bar. It only lays out
 * and binds; what plugins contribute comes from the {@link UiRegistry}, what the menu items do
 * from {@link ShellActions}.
 */
public final class MainWindow {
    private final Messages messages;
    private final UiRegistry ui;
    private final ShellActions actions;
    private final Map<MenuLocation, Menu> menus = new EnumMap<>(MenuLocation.class);
    private final Map<MenuLocation, Integer> fixedItems = new EnumMap<>(MenuLocation.class);
    private final TabPane sideTabs = new TabPane();
    private final TabPane centreTabs = new TabPane();
    private final SplitPane split = new SplitPane();
    private final BorderPane root = new BorderPane();
    private final StatusBarView statusBar;

    public MainWindow(Messages messages, UiRegistry ui, AccountService accounts, ShellActions actions) {
        this.messages = messages;
        this.ui = ui;
        this.actions = actions;
        this.statusBar = new StatusBarView(messages, accounts, ui.statusItems());
        root.setTop(menuBar());
        root.setCenter(split);
        root.setBottom(statusBar.node());
        sideTabs.setId("sidePanes");
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.setMinWidth(180);
        centreTabs.setId("centreTabs");
        centreTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        TabsFollowRegistry.follow(ui.centreTabs(), centreTabs.getTabs());
        ui.sidePanes().addListener((ListChangeListener<SidePane>) change -> showSidePanes());
        ui.menuActions().addListener((ListChangeListener<MenuAction>) change -> showPluginMenuItems());
        showSidePanes();
        StackPane centre = new StackPane(welcome(accounts), centreTabs);
        centreTabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(centreTabs.getTabs()));
        split.getItems().setAll(sideTabs, centre);
        SplitPane.setResizableWithParent(sideTabs, false);
    }

    /** Shows the window on {@code stage} and connects the registry to it. */
    public Scene install(Stage stage, double sideDivider) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("/welljabber/app/shell/shell.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(480);
        stage.setMinHeight(360);
        split.setDividerPositions(sideDivider);
        ui.attach(stage, tab -> centreTabs.getSelectionModel().select(tab), this::showSidePane, new Notices(stage)::show);
        return scene;
    }

    public double sideDivider() {
        return split.getDividerPositions().length == 0 ? 0.25 : split.getDividerPositions()[0];
    }

    private MenuBar menuBar() {
        Menu file = menu(MenuLocation.FILE, "menu.file");
        file.getItems().addAll(
                item("menuSettings", "menu.file.settings", "Shortcut+Comma", actions::openSettings),
                new SeparatorMenuItem(),
                item("menuQuit", "menu.file.quit", "Shortcut+Q", actions::quit));
        Menu accountsMenu = menu(MenuLocation.ACCOUNTS, "menu.accounts");
        accountsMenu.getItems().addAll(
                item("menuManageAccounts", "menu.accounts.manage", "Shortcut+Shift+A", actions::openAccounts),
                item("menuAddAccount", "menu.accounts.add", "Shortcut+N", actions::addAccount),
                new SeparatorMenuItem(),
                item("menuConnectAll", "menu.accounts.connectAll", null, actions::connectAll),
                item("menuDisconnectAll", "menu.accounts.disconnectAll", null, actions::disconnectAll));
        Menu view = menu(MenuLocation.VIEW, "menu.view");
        view.getItems().addAll(
                item("menuCloseTab", "menu.view.closeTab", "Shortcut+W", this::closeSelectedTab),
                item("menuToggleSide", "menu.view.toggleSide", "Shortcut+B", this::toggleSidePanes));
        Menu tools = menu(MenuLocation.TOOLS, "menu.tools");
        Menu help = menu(MenuLocation.HELP, "menu.help");
        help.getItems().addAll(
                item("menuPlugins", "menu.help.plugins", null, actions::openPlugins),
                item("menuAbout", "menu.help.about", "F1", actions::openAbout));
        for (MenuLocation location : MenuLocation.values()) {
            fixedItems.put(location, menus.get(location).getItems().size());
        }
        MenuBar bar = new MenuBar(file, accountsMenu, view, tools, help);
        bar.setId("menuBar");
        return bar;
    }

    private Menu menu(MenuLocation location, String key) {
        Menu menu = new Menu(messages.get(key));
        menus.put(location, menu);
        return menu;
    }

    private MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Plugin items go after the shell's own in each menu, separated by a line. */
    private void showPluginMenuItems() {
        for (MenuLocation location : MenuLocation.values()) {
            Menu menu = menus.get(location);
            int fixed = fixedItems.get(location);
            menu.getItems().remove(fixed, menu.getItems().size());
            var contributed = ui.menuActions().filtered(action -> action.menu() == location);
            if (!contributed.isEmpty() && fixed > 0) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            for (MenuAction action : contributed) {
                MenuItem item = new MenuItem(action.text());
                item.setId("plugin-" + action.id());
                action.accelerator().ifPresent(item::setAccelerator);
                item.setOnAction(event -> action.onAction().run());
                menu.getItems().add(item);
            }
        }
    }

    private void showSidePanes() {
        sideTabs.getTabs().setAll(ui.sidePanes().stream().map(pane -> {
            Tab tab = new Tab(pane.title(), pane.content().get());
            tab.setId("side-" + pane.id());
            return tab;
        }).toList());
        if (sideTabs.getTabs().isEmpty()) {
            Label empty = new Label(messages.get("side.empty"));
            empty.setWrapText(true);
            empty.setPadding(new Insets(12));
            sideTabs.getTabs().setAll(new Tab(messages.get("side.title"), empty));
        }
    }

    /** What the centre shows with no tab open: how to start, or where conversations will appear. */
    private VBox welcome(AccountService accounts) {
        Label title = new Label(messages.get("welcome.title"));
        title.getStyleClass().add("welcome-title");
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(420);
        Button add = new Button(messages.get("welcome.addAccount"));
        add.setId("welcomeAddAccount");
        add.setOnAction(event -> actions.addAccount());
        add.setDefaultButton(true);
        var noAccount = javafx.beans.binding.Bindings.isEmpty(accounts.rows());
        text.textProperty().bind(javafx.beans.binding.Bindings.when(noAccount)
                .then(messages.get("welcome.text")).otherwise(messages.get("welcome.ready")));
        add.visibleProperty().bind(noAccount);
        add.managedProperty().bind(noAccount);
        VBox box = new VBox(12, title, text, add);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        box.setId("welcome");
        return box;
    }

    /** As the tab's own close button does: the owner may veto the close request; then the tab goes and is told. */
    private void closeSelectedTab() {
        Tab selected = centreTabs.getSelectionModel().getSelectedItem();
        if (selected == null || !selected.isClosable()) {
            return;
        }
        javafx.event.Event request = new javafx.event.Event(selected, selected, Tab.TAB_CLOSE_REQUEST_EVENT);
        javafx.event.Event.fireEvent(selected, request);
        if (request.isConsumed()) {
            return;
        }
        centreTabs.getTabs().remove(selected);
        javafx.event.Event.fireEvent(selected, new javafx.event.Event(Tab.CLOSED_EVENT));
    }

    private void showSidePane(String id) {
        if (!split.getItems().contains(sideTabs)) {
            toggleSidePanes();
        }
        sideTabs.getTabs().stream().filter(tab -> ("side-" + id).equals(tab.getId())).findFirst()
                .ifPresent(tab -> sideTabs.getSelectionModel().select(tab));
    }

    private void toggleSidePanes() {
        if (split.getItems().contains(sideTabs)) {
            split.getItems().remove(sideTabs);
        } else {
            split.getItems().addFirst(sideTabs);
            split.setDividerPositions(0.25);
        }
    }
}
