package welljabber.plugin.roster.view;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.api.i18n.PluginTexts;
import welljabber.api.plugin.PluginContext;
import welljabber.plugin.roster.model.AddressInput;
import welljabber.plugin.roster.model.ContactKey;
import welljabber.plugin.roster.session.ContactOperations;

/**
 * "Add contact": address (checked as typed, explained in a sentence when wrong), name, groups, and
 * the two halves of a subscription. The dialog stays open until the server said yes, so a refusal
 * is read where the user typed.
 */
final class AddContactDialog {
    private final PluginContext context;
    private final ContactOperations operations;
    private final PluginTexts texts;
    private final Map<AccountId, BareJid> ownAddresses;
    private final List<String> groups;

    AddContactDialog(PluginContext context, ContactOperations operations, PluginTexts texts,
            Map<AccountId, BareJid> ownAddresses, List<String> groups) {
        this.context = context;
        this.operations = operations;
        this.texts = texts;
        this.ownAddresses = ownAddresses;
        this.groups = groups;
    }

    void show(Optional<ContactKey> prefill) {
        List<AccountId> accounts = context.sessions().connectedAccounts();
        if (accounts.isEmpty()) {
            context.ui().notify(texts.get("add.title"), texts.get("add.error.offline"));
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.setTitle(texts.get("add.title"));
        dialog.setHeaderText(texts.get("add.header"));
        dialog.getDialogPane().setId("addContactDialog");
        ButtonType addType = new ButtonType(texts.get("add.button"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(addType, ButtonType.CANCEL);

        ComboBox<AccountId> account = new ComboBox<>();
        account.setId("contactAccount");
        account.getItems().setAll(accounts);
        account.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AccountId id) {
                return id == null ? "" : Optional.ofNullable(ownAddresses.get(id)).map(Object::toString).orElse(id.value());
            }

            @Override
            public AccountId fromString(String text) {
                return null;
            }
        });
        account.getSelectionModel().select(prefill.map(ContactKey::account).filter(accounts::contains).orElse(accounts.get(0)));

        TextField address = new TextField(prefill.map(key -> key.jid().toString()).orElse(""));
        address.setId("contactJid");
        address.setPromptText(texts.get("add.address.prompt"));
        TextField name = new TextField();
        name.setId("contactName");
        ComboBox<String> group = new ComboBox<>();
        group.setId("contactGroup");
        group.setEditable(true);
        group.getItems().setAll(groups);
        group.setPromptText(texts.get("add.group.prompt"));
        CheckBox askToSee = new CheckBox(texts.get("add.askToSee"));
        askToSee.setId("askToSee");
        askToSee.setSelected(true);
        CheckBox letThemSee = new CheckBox(texts.get("add.letThemSee"));
        letThemSee.setId("letThemSee");
        letThemSee.setSelected(true);
        Label problem = new Label();
        problem.setId("addContactError");
        problem.getStyleClass().add("roster-error");
        problem.setWrapText(true);
        problem.setMaxWidth(380);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        if (accounts.size() > 1) {
            grid.addRow(row++, new Label(texts.get("add.account")), account);
        }
        grid.addRow(row++, new Label(texts.get("add.address")), address);
        grid.addRow(row++, new Label(texts.get("add.name")), name);
        grid.addRow(row++, new Label(texts.get("add.group")), group);
        grid.add(askToSee, 1, row++);
        grid.add(letThemSee, 1, row++);
        grid.add(problem, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);

        Button add = (Button) dialog.getDialogPane().lookupButton(addType);
        add.setId("addContactOk");
        add.addEventFilter(ActionEvent.ACTION, event -> {
            // Never let the dialog close by itself: it closes when the server has added the contact.
            event.consume();
            AccountId chosen = account.getValue();
            AddressInput.Result parsed = AddressInput.parse(address.getText(), ownAddresses.get(chosen));
            if (!parsed.valid()) {
                problem.setText(texts.format(parsed.problemKey(), address.getText().strip()));
                address.requestFocus();
                return;
            }
            problem.setText(texts.get("add.working"));
            add.setDisable(true);
            List<String> groupList = groupsOf(group.getEditor().getText());
            operations.add(chosen, parsed.address().get(), name.getText(), groupList, askToSee.isSelected(), letThemSee.isSelected())
                    .whenComplete((done, failure) -> Platform.runLater(() -> {
                        add.setDisable(false);
                        if (failure == null) {
                            dialog.setResult(addType);
                            dialog.close();
                        } else {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            problem.setText(cause.getMessage());
                        }
                    }));
        });
        Platform.runLater(address::requestFocus);
        dialog.show();
    }

    /** "Friends, Work" is two groups; empty is none. */
    static List<String> groupsOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    }
}
