package welljabber.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import welljabber.api.plugin.ApiVersion;
import welljabber.app.i18n.Messages;
import welljabber.app.plugins.PluginManager;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginState;

/**
 * Help → Plugins, the plugin manager: what loaded, from where, which version, and why something did
 * not; details of the selected plugin; and install from a jar, enable, disable and remove.
 */
final class PluginsDialog extends Dialog<Void> {
    private final Messages messages;
    private final PluginManager manager;
    private final FileDialogs files;
    private final TableView<PluginRecord> table;
    private final Button install;
    private final Button enable;
    private final Button disable;
    private final Button remove;
    private final StackPane removeHolder;
    private final Label description = detail("pluginDescription");
    private final Label author = detail("pluginAuthor");
    private final Label api = detail("pluginApi");
    private final Label origin = detail("pluginOrigin");
    private final Label state = detail("pluginState");
    private final Label message = detail("pluginsMessage");
    private final Tooltip removeTip;
    private boolean removeTipShown;
    /** The plugin the user selected, kept across the replacements of its record. */
    private PluginRecord shown;
    private boolean busy;

    PluginsDialog(Window owner, Messages messages, PluginManager manager, FileDialogs files) {
        this.messages = messages;
        this.manager = manager;
        this.files = files;
        initOwner(owner);
        setTitle(messages.get("plugins.title"));
        setResizable(true);
        table = new TableView<>(manager.records());
        table.setId("pluginsTable");
        table.setPlaceholder(new Label(messages.get("plugins.empty")));
        table.getColumns().setAll(List.of(
                column(messages.get("plugins.column.name"), 170, PluginRecord::name),
                column(messages.get("plugins.column.id"), 110, PluginRecord::id),
                column(messages.get("plugins.column.version"), 120, PluginRecord::version),
                column(messages.get("plugins.column.api"), 50, PluginRecord::apiVersion),
                column(messages.get("plugins.column.origin"), 200, this::origin),
                column(messages.get("plugins.column.state"), 260, this::state)));
        table.setPrefSize(930, 300);
        VBox.setVgrow(table, Priority.ALWAYS);

        install = button("pluginInstall", "plugins.install", event -> install());
        enable = button("pluginEnable", "plugins.enable", event -> run(manager::enable, "plugins.enable.failed"));
        disable = button("pluginDisable", "plugins.disable", event -> run(manager::disable, null));
        remove = button("pluginRemove", "plugins.remove", event -> remove());
        // A disabled button shows no tooltip of its own; its holder does.
        removeHolder = new StackPane(remove);
        removeHolder.setId("pluginRemoveHolder");
        removeTip = new Tooltip(messages.get("plugins.remove.bundled"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, install, gap, enable, disable, removeHolder);

        message.getStyleClass().add("plugins-message");
        VBox content = new VBox(8, table, buttons, details(), message);
        content.setPadding(new Insets(4));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                shown = after;
            }
            refresh();
        });
        // A plugin's record is replaced when its state changes: keep the same plugin selected.
        ListChangeListener<PluginRecord> follow = change -> reselect();
        manager.records().addListener(follow);
        setOnHidden(event -> manager.records().removeListener(follow));
        if (!manager.records().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        refresh();
    }

    private GridPane details() {
        GridPane grid = new GridPane(12, 4);
        grid.setId("pluginDetails");
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        grid.addRow(0, key("plugins.details.description"), description);
        grid.addRow(1, key("plugins.details.author"), author);
        grid.addRow(2, key("plugins.details.api"), api);
        grid.addRow(3, key("plugins.column.origin"), origin);
        grid.addRow(4, key("plugins.column.state"), state);
        return grid;
    }

    private void reselect() {
        if (shown == null) {
            return;
        }
        List<PluginRecord> records = manager.records();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).samePlugin(shown)) {
                shown = records.get(i);
                table.getSelectionModel().clearAndSelect(i);
                refresh();
                return;
            }
        }
        shown = null;
        table.getSelectionModel().clearSelection();
        refresh();
    }

    private void refresh() {
        PluginRecord record = table.getSelectionModel().getSelectedItem();
        boolean none = record == null;
        install.setDisable(busy);
        enable.setDisable(busy || none || !record.startable() || record.state() != PluginState.DISABLED);
        disable.setDisable(busy || none || !record.startable()
                || record.state() != PluginState.RUNNING && record.state() != PluginState.FAILED);
        remove.setDisable(busy || none || !PluginManager.removable(record));
        boolean bundled = !none && !PluginManager.removable(record);
        if (bundled != removeTipShown) {
            if (bundled) {
                Tooltip.install(removeHolder, removeTip);
            } else {
                Tooltip.uninstall(removeHolder, removeTip);
            }
            removeHolder.setAccessibleHelp(bundled ? removeTip.getText() : null);
            removeTipShown = bundled;
        }
        description.setText(none ? "" : record.description().isBlank() ? messages.get("plugins.details.none") : record.description());
        author.setText(none ? "" : record.author());
        api.setText(none || record.apiVersion().isEmpty() ? ""
                : messages.format("plugins.details.apiValue", record.apiVersion(), ApiVersion.running().toString()));
        origin.setText(none ? "" : origin(record));
        state.setText(none ? "" : state(record));
    }

    private void install() {
        Optional<Path> jar = files.openFile(getDialogPane().getScene().getWindow(), messages.get("plugins.install.title"),
                new FileChooser.ExtensionFilter(messages.get("plugins.install.filter"), "*.jar"));
        if (jar.isEmpty()) {
            return;
        }
        String name = jar.get().getFileName().toString();
        setBusy(messages.format("plugins.install.busy", name));
        whenDone(attempt(() -> manager.install(jar.get())), problem -> {
            message.setText(problem.orElse(messages.format("plugins.install.done", name)));
            if (problem.isEmpty()) {
                manager.records().stream().filter(r -> r.origin().dropIn().map(p -> p.getFileName().toString().equals(name)).orElse(false))
                        .findFirst().ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
    }

    private void remove() {
        PluginRecord record = table.getSelectionModel().getSelectedItem();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.format("plugins.remove.confirm", record.name(),
                origin(record)), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getDialogPane().getScene().getWindow());
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("pluginRemoveConfirm");
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        setBusy("");
        whenDone(attempt(() -> manager.remove(record)), problem -> message.setText(problem.orElse(messages.format("plugins.removed", record.name()))));
    }

    /** Runs an enable or disable; a failure to start says which plugin stays off and why. */
    private void run(Function<PluginRecord, CompletionStage<Optional<String>>> operation, String failureKey) {
        PluginRecord record = table.getSelectionModel().getSelectedItem();
        setBusy("");
        whenDone(attempt(() -> operation.apply(record)), problem -> message.setText(problem
                .map(sentence -> failureKey == null ? sentence : messages.format(failureKey, record.name(), sentence)).orElse("")));
    }

    /** The operation, or a failed stage when starting it threw, so the dialog never stays busy. */
    private static CompletionStage<Optional<String>> attempt(Supplier<CompletionStage<Optional<String>>> operation) {
        try {
            return operation.get();
        } catch (RuntimeException | LinkageError failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    private void setBusy(String text) {
        busy = true;
        message.setText(text);
        refresh();
    }

    private void whenDone(CompletionStage<Optional<String>> operation, Consumer<Optional<String>> show) {
        operation.whenComplete((problem, failure) -> {
            Runnable done = () -> {
                busy = false;
                if (failure != null) {
                    message.setText(messages.format("plugins.error.unexpected", String.valueOf(failure.getMessage())));
                } else {
                    show.accept(problem);
                }
                refresh();
            };
            if (Platform.isFxApplicationThread()) {
                done.run();
            } else {
                Platform.runLater(done);
            }
        });
    }

    private String origin(PluginRecord record) {
        return record.origin().dropIn().map(Path::toString).orElse(messages.get("plugins.origin.bundled"));
    }

    private String state(PluginRecord record) {
        String name = messages.get("plugins.state." + record.state().name().toLowerCase(Locale.ROOT));
        return record.problem().map(problem -> name + ": " + problem).orElse(name);
    }

    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(action);
        return button;
    }

    private Label key(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("plugins-detail-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label detail(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static TableColumn<PluginRecord, String> column(String title, double width, Function<PluginRecord, String> value) {
        TableColumn<PluginRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
