package welljabber.plugin.roster.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import welljabber.api.i18n.PluginTexts;
import welljabber.api.ui.RightClickMenus;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactRow;
import welljabber.plugin.roster.model.GroupRow;
import welljabber.plugin.roster.model.RosterRow;
import welljabber.plugin.roster.model.SortOrder;
import welljabber.plugin.roster.model.ViewOptions;

/**
 * The Contacts side pane: a filter box and the list's options on top, contact requests waiting for
 * an answer, then the virtualized contact list (one {@link ListView} of group headers and contacts,
 * so 5,000 contacts cost a few dozen cells).
 */
public final class RosterPane {
    static final double ROW_HEIGHT = 38;

    private final RosterViewModel model;
    private final RosterController controller;
    private final PluginTexts texts;
    private final ListView<RosterRow> list = new ListView<>();
    private final TextField filter = new TextField();
    private final BorderPane root = new BorderPane();
    private ContextMenu openMenu;

    public RosterPane(RosterViewModel model, RosterController controller, RequestsView requests, PluginTexts texts) {
        this.model = model;
        this.controller = controller;
        this.texts = texts;

        filter.setId("rosterFilter");
        filter.setPromptText(texts.get("filter.prompt"));
        filter.textProperty().addListener((observable, old, now) -> model.options().set(model.options().get().withFilter(now)));
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            } else if (event.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().select(0);
                }
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button add = new Button("+");
        add.setId("addContact");
        add.setTooltip(new Tooltip(texts.get("add.tooltip")));
        add.setOnAction(event -> controller.showAddContact());

        HBox top = new HBox(4, filter, add, optionsMenu());
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4));

        list.setId("rosterList");
        list.getStyleClass().add("roster-list");
        list.setItems(model.rows());
        list.setFixedCellSize(ROW_HEIGHT);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> {
            RosterCell cell = new RosterCell(texts, this::toggle);
            cell.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !cell.isEmpty()) {
                    activate(cell.getItem());
                }
            });
            // A right-click acts on the row under the pointer, as in a file manager, unless that row
            // is part of a multiple selection the user is about to act on as a whole.
            cell.setOnContextMenuRequested(event -> {
                if (!cell.isEmpty() && !list.getSelectionModel().isSelected(cell.getIndex())) {
                    list.getSelectionModel().clearAndSelect(cell.getIndex());
                }
            });
            return cell;
        });
        list.setOnKeyPressed(event -> {
            RosterRow row = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && row != null) {
                activate(row);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                List<Contact> chosen = selectedContacts();
                if (!chosen.isEmpty()) {
                    controller.remove(chosen);
                }
                event.consume();
            }
        });
        RightClickMenus.attach(list, this::showMenu);
        list.setPlaceholder(placeholder());
        model.bindSelection(list.getSelectionModel());

        VBox north = new VBox(top, requests.node());
        root.setTop(north);
        root.setCenter(list);
        root.getStyleClass().add("roster-pane");
        root.getStylesheets().add(RosterPane.class.getResource("roster.css").toExternalForm());
        // The placeholder tells a new user what to do; once a filter hides everyone it says so instead.
        model.options().addListener((observable, old, now) -> {
            if (old.filter().isEmpty() != now.filter().isEmpty()) {
                list.setPlaceholder(placeholder());
            }
        });
    }

    public Node node() {
        return root;
    }

    private Node placeholder() {
        boolean filtering = !model.options().get().filter().isEmpty();
        Label text = new Label(filtering ? texts.get("empty.filter") : texts.get("empty.roster"));
        text.setId("rosterEmpty");
        text.setWrapText(true);
        text.getStyleClass().add("roster-empty");
        if (filtering) {
            return text;
        }
        Button add = new Button(texts.get("empty.add"));
        add.setOnAction(event -> controller.showAddContact());
        VBox box = new VBox(8, text, add);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        return box;
    }

    private MenuButton optionsMenu() {
        CheckMenuItem showOffline = new CheckMenuItem(texts.get("options.showOffline"));
        showOffline.setId("showOffline");
        showOffline.setSelected(model.options().get().showOffline());
        showOffline.selectedProperty().addListener((observable, old, now) ->
                model.options().set(model.options().get().withShowOffline(now)));
        model.options().addListener((observable, old, now) -> showOffline.setSelected(now.showOffline()));

        ToggleGroup sorting = new ToggleGroup();
        RadioMenuItem byPresence = new RadioMenuItem(texts.get("options.sortPresence"));
        byPresence.setId("sortByPresence");
        RadioMenuItem byName = new RadioMenuItem(texts.get("options.sortName"));
        byName.setId("sortByName");
        byPresence.setToggleGroup(sorting);
        byName.setToggleGroup(sorting);
        (model.options().get().sort() == SortOrder.BY_NAME ? byName : byPresence).setSelected(true);
        byPresence.setOnAction(event -> model.options().set(model.options().get().withSort(SortOrder.BY_PRESENCE)));
        byName.setOnAction(event -> model.options().set(model.options().get().withSort(SortOrder.BY_NAME)));

        MenuItem addContact = new MenuItem(texts.get("menu.addContact"));
        addContact.setOnAction(event -> controller.showAddContact());
        MenuItem blocked = new MenuItem(texts.get("menu.blocked"));
        blocked.setId("showBlocked");
        blocked.setOnAction(event -> controller.showBlocked());

        MenuButton options = new MenuButton("⋮");
        options.setId("rosterOptions");
        options.setTooltip(new Tooltip(texts.get("options.tooltip")));
        options.getItems().addAll(showOffline, new SeparatorMenuItem(), byPresence, byName, new SeparatorMenuItem(),
                addContact, blocked);
        return options;
    }

    private void showMenu(double screenX, double screenY) {
        if (openMenu != null) {
            openMenu.hide();
        }
        openMenu = controller.menuFor(list.getSelectionModel().getSelectedItems()).orElse(null);
        if (openMenu != null) {
            openMenu.show(list, screenX, screenY);
        }
    }

    private void toggle(GroupRow group) {
        ViewOptions now = model.options().get();
        model.options().set(now.toggled(group.key()));
    }

    private void activate(RosterRow row) {
        switch (row) {
            case GroupRow group -> toggle(group);
            case ContactRow contact -> controller.openChat(contact.contact(), java.util.Optional.empty());
        }
    }

    private List<Contact> selectedContacts() {
        return list.getSelectionModel().getSelectedItems().stream()
                .filter(ContactRow.class::isInstance).map(row -> ((ContactRow) row).contact()).distinct().toList();
    }
}
