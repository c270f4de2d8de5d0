package welljabber.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import welljabber.api.connection.ConnectionState;
import welljabber.app.account.AccountRow;
import welljabber.app.account.AccountService;
import welljabber.app.i18n.Messages;

/** Accounts → Manage accounts: the list with state, and add, edit, remove, connect, disconnect. */
final class AccountsDialog extends Dialog<Void> {

    AccountsDialog(Window owner, Messages messages, AccountService accounts) {
        initOwner(owner);
        setTitle(messages.get("accounts.title"));
        setResizable(true);
        TableView<AccountRow> table = new TableView<>(accounts.rows());
        table.setId("accountsTable");
        table.setPlaceholder(new Label(messages.get("accounts.empty")));
        TableColumn<AccountRow, String> jid = new TableColumn<>(messages.get("accounts.column.jid"));
        jid.setCellValueFactory(cell -> Bindings.createStringBinding(() -> cell.getValue().account().jid().toString(),
                cell.getValue().accountProperty()));
        jid.setPrefWidth(220);
        TableColumn<AccountRow, String> state = new TableColumn<>(messages.get("accounts.column.state"));
        state.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> Labels.state(messages, cell.getValue().stateProperty().get()), cell.getValue().stateProperty()));
        state.setPrefWidth(110);
        TableColumn<AccountRow, String> message = new TableColumn<>(messages.get("accounts.column.message"));
        message.setCellValueFactory(cell -> cell.getValue().messageProperty());
        message.setPrefWidth(320);
        TableColumn<AccountRow, String> auto = new TableColumn<>(messages.get("accounts.column.autoConnect"));
        auto.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                messages.get(cell.getValue().account().connectAtStart() ? "common.yes" : "common.no")));
        table.getColumns().setAll(java.util.List.of(jid, state, message, auto));
        table.setPrefSize(760, 260);

        Button add = button("accountAdd", messages.get("accounts.add"));
        Button edit = button("accountEdit", messages.get("accounts.edit"));
        Button remove = button("accountRemove", messages.get("accounts.remove"));
        Button connect = button("accountConnect", messages.get("accounts.connect"));
        Button disconnect = button("accountDisconnect", messages.get("accounts.disconnect"));
        var selected = table.getSelectionModel().selectedItemProperty();
        edit.disableProperty().bind(selected.isNull());
        remove.disableProperty().bind(selected.isNull());
        connect.disableProperty().bind(selected.isNull());
        disconnect.disableProperty().bind(selected.isNull());

        add.setOnAction(event -> new AccountEditorDialog(getDialogPane().getScene().getWindow(), messages,
                java.util.Optional.empty(), accounts.passwordStoreKind()).showAndWait().ifPresent(outcome ->
                        accounts.save(outcome.account(), outcome.password()).thenAccept(saved -> javafx.application.Platform.runLater(() -> {
                            accounts.row(saved.id()).ifPresent(row -> table.getSelectionModel().select(row));
                        }))));
        edit.setOnAction(event -> {
            AccountRow row = selected.get();
            new AccountEditorDialog(getDialogPane().getScene().getWindow(), messages, java.util.Optional.of(row.account()),
                    accounts.passwordStoreKind()).showAndWait().ifPresent(outcome -> accounts.save(outcome.account(), outcome.password()));
        });
        remove.setOnAction(event -> {
            AccountRow row = selected.get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    messages.format("accounts.remove.confirm", row.account().jid().toString()), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getDialogPane().getScene().getWindow());
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> accounts.remove(row.account().id()));
        });
        connect.setOnAction(event -> accounts.connect(selected.get().account().id()));
        disconnect.setOnAction(event -> accounts.disconnect(selected.get().account().id()));
        selected.addListener((observable, before, after) -> {
            connect.disableProperty().unbind();
            disconnect.disableProperty().unbind();
            if (after == null) {
                connect.setDisable(true);
                disconnect.setDisable(true);
            } else {
                connect.disableProperty().bind(Bindings.createBooleanBinding(() -> after.stateProperty().get() == ConnectionState.CONNECTED
                        || after.stateProperty().get() == ConnectionState.CONNECTING, after.stateProperty()));
                disconnect.disableProperty().bind(Bindings.createBooleanBinding(
                        () -> after.stateProperty().get() == ConnectionState.DISCONNECTED, after.stateProperty()));
            }
        });
        if (!accounts.rows().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }

        HBox buttons = new HBox(6, add, edit, remove, new Label("  "), connect, disconnect);
        VBox content = new VBox(8, table, buttons);
        content.setPadding(new Insets(4));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("button.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    private static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        return button;
    }
}
