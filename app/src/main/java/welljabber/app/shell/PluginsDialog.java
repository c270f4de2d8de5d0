package welljabber.app.shell;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import welljabber.app.i18n.Messages;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginState;

/** Help → Plugins: what loaded, from where, which version, and why something did not. */
final class PluginsDialog extends Dialog<Void> {

    PluginsDialog(Window owner, Messages messages, javafx.collections.ObservableList<PluginRecord> records) {
        initOwner(owner);
        setTitle(messages.get("plugins.title"));
        setResizable(true);
        TableView<PluginRecord> table = new TableView<>(records);
        table.setId("pluginsTable");
        table.setPlaceholder(new Label(messages.get("plugins.empty")));
        table.getColumns().setAll(java.util.List.of(
                column(messages.get("plugins.column.name"), 170, PluginRecord::name),
                column(messages.get("plugins.column.id"), 110, PluginRecord::id),
                column(messages.get("plugins.column.version"), 80, PluginRecord::version),
                column(messages.get("plugins.column.api"), 50, PluginRecord::apiVersion),
                column(messages.get("plugins.column.origin"), 220, r -> r.origin().dropIn()
                        .map(java.nio.file.Path::toString).orElse(messages.get("plugins.origin.bundled"))),
                column(messages.get("plugins.column.state"), 300, r -> state(messages, r))));
        table.setPrefSize(930, 300);
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    private static String state(Messages messages, PluginRecord record) {
        String state = messages.get("plugins.state." + record.state().name().toLowerCase(java.util.Locale.ROOT));
        return record.state() == PluginState.FAILED ? state + ": " + record.problem().orElse("") : state;
    }

    private static TableColumn<PluginRecord, String> column(String title, double width,
            java.util.function.Function<PluginRecord, String> value) {
        TableColumn<PluginRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
