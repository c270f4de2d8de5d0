package welljabber.plugin.roster.view;

import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.i18n.PluginTexts;
import welljabber.api.plugin.Disposable;
import welljabber.api.plugin.PluginContext;
import welljabber.plugin.roster.model.AddressInput;
import welljabber.plugin.roster.session.ContactOperations;

/** The block list (XEP-0191) of an account: who is blocked, unblock them, block an address. */
final class BlockedContactsDialog {
    private final PluginContext context;
    private final ContactOperations operations;
    private final PluginTexts texts;

    BlockedContactsDialog(PluginContext context, ContactOperations operations, PluginTexts texts) {
        this.context = context;
        this.operations = operations;
        this.texts = texts;
    }

    void show() {
        List<AccountId> accounts = context.sessions().connectedAccounts();
        if (accounts.isEmpty()) {
            context.ui().notify(texts.get("blocked.title"), texts.get("add.error.offline"));
            return;
        }
        Dialog<Void> dialog = new Dialog<>();
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.setTitle(texts.get("blocked.title"));
        dialog.getDialogPane().setId("blockedDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ComboBox<AccountId> account = new ComboBox<>();
        account.getItems().setAll(accounts);
        account.getSelectionModel().select(0);
        account.setVisible(accounts.size() > 1);
        account.setManaged(accounts.size() > 1);
        ListView<Jid> blocked = new ListView<>();
        blocked.setId("blockedList");
        blocked.setPlaceholder(new Label(texts.get("blocked.none")));
        blocked.setPrefHeight(220);
        Label problem = new Label();
        problem.setId("blockedProblem");
        problem.setWrapText(true);

        Button unblock = new Button(texts.get("blocked.unblock"));
        unblock.setId("unblockSelected");
        unblock.disableProperty().bind(blocked.getSelectionModel().selectedItemProperty().isNull());
        TextField address = new TextField();
        address.setId("blockAddress");
        address.setPromptText(texts.get("add.address.prompt"));
        HBox.setHgrow(address, Priority.ALWAYS);
        Button block = new Button(texts.get("blocked.block"));
        block.setId("blockAddressButton");

        Runnable reload = () -> operations.blockList(account.getValue()).whenComplete((list, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                problem.setText(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
            } else {
                blocked.getItems().setAll(list);
            }
        }));
        unblock.setOnAction(event -> operations.unblock(account.getValue(), List.of(blocked.getSelectionModel().getSelectedItem()))
                .whenComplete((done, failure) -> Platform.runLater(() -> after(failure, problem, reload))));
        block.setOnAction(event -> {
            AddressInput.Result parsed = AddressInput.parse(address.getText(), null);
            if (!parsed.valid()) {
                problem.setText(texts.format(parsed.problemKey(), address.getText().strip()));
                return;
            }
            operations.block(account.getValue(), List.<Jid>of(parsed.address().get()))
                    .whenComplete((done, failure) -> Platform.runLater(() -> {
                        if (failure == null) {
                            address.clear();
                        }
                        after(failure, problem, reload);
                    }));
        });
        // The list follows the server's pushes: a re-read right after our own request may still see the old list.
        Runnable reloadOnFx = () -> Platform.runLater(reload);
        Disposable[] watch = {operations.watchBlockList(account.getValue(), reloadOnFx)};
        account.valueProperty().addListener((observable, old, now) -> {
            watch[0].close();
            watch[0] = operations.watchBlockList(now, reloadOnFx);
            reload.run();
        });
        dialog.setOnHidden(event -> watch[0].close());
        reload.run();

        VBox content = new VBox(8, account, blocked, unblock, new HBox(6, address, block), problem);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.show();
    }

    private static void after(Throwable failure, Label problem, Runnable reload) {
        problem.setText(failure == null ? "" : Optional.ofNullable(failure.getCause()).orElse(failure).getMessage());
        reload.run();
    }
}
