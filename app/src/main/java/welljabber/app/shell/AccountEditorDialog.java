package welljabber.app.shell;

import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import welljabber.app.account.Account;
import welljabber.app.account.AccountForm;
import welljabber.app.account.TlsMode;
import welljabber.app.i18n.Messages;
import welljabber.app.secrets.PasswordStore;

/** Add or edit an account. Returns the account and the typed password (empty when left blank on edit). */
final class AccountEditorDialog extends Dialog<AccountEditorDialog.Outcome> {

    record Outcome(Account account, Optional<char[]> password) {
    }

    private final Messages messages;
    private final TextField jid = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox remember = new CheckBox();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField resource = new TextField();
    private final TextField priority = new TextField();
    private final ChoiceBox<TlsMode> tls = new ChoiceBox<>();
    private final CheckBox connectAtStart = new CheckBox();
    private final Label error = new Label();

    AccountEditorDialog(Window owner, Messages messages, Optional<Account> existing, PasswordStore.Kind storeKind) {
        this.messages = messages;
        initOwner(owner);
        setTitle(messages.get(existing.isPresent() ? "account.edit.title" : "account.add.title"));
        setHeaderText(messages.get("account.editor.header"));
        AccountForm form = existing.map(AccountForm::from).orElseGet(AccountForm::empty);

        jid.setId("accountJid");
        jid.setPromptText("user@example.org");
        jid.setText(form.jid());
        password.setId("accountPassword");
        password.setPromptText(messages.get(existing.isPresent() ? "account.password.keep" : "account.password.prompt"));
        remember.setId("rememberPassword");
        remember.setText(messages.get("account.remember"));
        remember.setSelected(form.rememberPassword());
        Label store = new Label(messages.get(storeKind == PasswordStore.Kind.KEYRING
                ? "account.remember.keyring" : "account.remember.file"));
        store.setWrapText(true);
        store.getStyleClass().add("hint");
        store.visibleProperty().bind(remember.selectedProperty());
        store.setMaxWidth(360);
        host.setId("accountHost");
        host.setPromptText(messages.get("account.host.prompt"));
        host.setText(form.host());
        port.setId("accountPort");
        port.setPromptText("5222");
        port.setText(form.port());
        port.setPrefColumnCount(6);
        resource.setId("accountResource");
        resource.setText(form.resource());
        priority.setId("accountPriority");
        priority.setText(form.priority());
        priority.setPrefColumnCount(4);
        tls.setId("accountTls");
        tls.getItems().setAll(TlsMode.values());
        tls.setValue(form.tlsMode());
        tls.setConverter(new StringConverter<>() {
            @Override
            public String toString(TlsMode mode) {
                return mode == null ? "" : messages.get("account.tls." + mode.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public TlsMode fromString(String text) {
                return null;
            }
        });
        connectAtStart.setId("connectAtStart");
        connectAtStart.setText(messages.get("account.connectAtStart"));
        connectAtStart.setSelected(form.connectAtStart());
        error.setId("accountError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(460);

        GridPane basic = grid();
        basic.addRow(0, new Label(messages.get("account.jid")), jid);
        basic.addRow(1, new Label(messages.get("account.password")), password);
        basic.add(remember, 1, 2);
        basic.add(store, 1, 3);
        basic.add(connectAtStart, 1, 4);
        GridPane advanced = grid();
        advanced.addRow(0, new Label(messages.get("account.host")), host);
        advanced.addRow(1, new Label(messages.get("account.port")), port);
        advanced.addRow(2, new Label(messages.get("account.tls")), tls);
        advanced.addRow(3, new Label(messages.get("account.resource")), resource);
        advanced.addRow(4, new Label(messages.get("account.priority")), priority);
        TitledPane advancedPane = new TitledPane(messages.get("account.advanced"), advanced);
        advancedPane.setId("accountAdvanced");
        advancedPane.setAnimated(false);
        advancedPane.setExpanded(!form.host().isEmpty() || !form.port().isEmpty() || form.tlsMode() != TlsMode.REQUIRED);

        // The dialog must grow with the section, or the buttons slide out of the window.
        advancedPane.expandedProperty().addListener((observable, before, after) -> javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        error.textProperty().addListener((observable, before, after) -> javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        VBox content = new VBox(10, basic, advancedPane, error);
        content.setPadding(new Insets(4));
        getDialogPane().setContent(content);
        ButtonType save = new ButtonType(messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(save).setId("saveAccount");
        // Validate before the dialog closes: a mistake keeps it open with a sentence next to the fields.
        getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (result(form) instanceof AccountForm.Result.Invalid invalid) {
                error.setText(messages.get(invalid.messageKey()));
                event.consume();
            } else if (existing.isEmpty() && password.getText().isEmpty() && remember.isSelected()) {
                error.setText(messages.get("account.error.passwordMissing"));
                event.consume();
            }
        });
        setResultConverter(button -> {
            if (button != save || !(result(form) instanceof AccountForm.Result.Valid valid)) {
                return null;
            }
            Optional<char[]> typed = password.getText().isEmpty() ? Optional.empty() : Optional.of(password.getText().toCharArray());
            return new Outcome(valid.account(), typed);
        });
        setOnShown(event -> jid.requestFocus());
    }

    private AccountForm.Result result(AccountForm original) {
        return new AccountForm(original.existing(), jid.getText(), host.getText(), port.getText(), resource.getText(),
                priority.getText(), tls.getValue(), connectAtStart.isSelected(), remember.isSelected(), original.presence())
                .validate();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }
}
