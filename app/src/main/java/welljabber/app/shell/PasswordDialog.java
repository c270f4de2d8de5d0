package welljabber.app.shell;

import java.util.Optional;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import welljabber.app.account.Account;
import welljabber.app.i18n.Messages;

/** Asks for the password of an account that does not remember it. */
final class PasswordDialog {
    private PasswordDialog() {
    }

    static Optional<char[]> ask(Window owner, Messages messages, Account account) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("password.title"));
        dialog.setHeaderText(messages.format("password.header", account.jid().toString()));
        PasswordField field = new PasswordField();
        field.setId("passwordPrompt");
        dialog.getDialogPane().setContent(new VBox(6, new Label(messages.get("account.password")), field));
        ButtonType ok = new ButtonType(messages.get("button.connect"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResultConverter(button -> button == ok && !field.getText().isEmpty() ? field.getText().toCharArray() : null);
        dialog.setOnShown(event -> field.requestFocus());
        return dialog.showAndWait();
    }
}
