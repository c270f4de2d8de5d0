package welljabber.app.shell;

import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import welljabber.api.connection.ConnectionState;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.api.ui.StatusBarItem;
import welljabber.app.account.AccountRow;
import welljabber.app.account.AccountService;
import welljabber.app.i18n.Messages;

/**
 * The bottom bar: connection state of the accounts (with the reason when something failed), the
 * presence selector with its status message, then the plugins' items.
 */
final class StatusBarView {
    private static final List<PresenceKind> CHOICES = List.of(PresenceKind.AVAILABLE, PresenceKind.CHAT,
            PresenceKind.AWAY, PresenceKind.EXTENDED_AWAY, PresenceKind.DO_NOT_DISTURB, PresenceKind.OFFLINE);

    private final Messages messages;
    private final AccountService accounts;
    private final HBox bar = new HBox(8);
    private final Label connection = new Label();
    private final ComboBox<PresenceKind> presence = new ComboBox<>();
    private final TextField status = new TextField();
    private final HBox pluginItems = new HBox(6);
    private boolean updatingSelector;

    StatusBarView(Messages messages, AccountService accounts, javafx.collections.ObservableList<StatusBarItem> items) {
        this.messages = messages;
        this.accounts = accounts;
        connection.setId("connectionStatus");
        connection.setMinWidth(120);
        connection.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(connection, Priority.ALWAYS);
        presence.setId("presenceChoice");
        presence.getItems().setAll(CHOICES);
        presence.setCellFactory(list -> new PresenceCell());
        presence.setButtonCell(new PresenceCell());
        presence.setValue(PresenceKind.OFFLINE);
        presence.setTooltip(new Tooltip(messages.get("status.presence.tooltip")));
        presence.valueProperty().addListener((observable, before, after) -> {
            if (!updatingSelector && after != null) {
                accounts.setPresenceForAll(new OwnPresence(after, status.getText()));
            }
        });
        status.setId("statusMessage");
        status.setPromptText(messages.get("status.message.prompt"));
        status.setPrefColumnCount(16);
        status.setOnAction(event -> {
            PresenceKind kind = presence.getValue() == null ? PresenceKind.AVAILABLE : presence.getValue();
            accounts.setPresenceForAll(new OwnPresence(kind, status.getText()));
        });
        pluginItems.setAlignment(Pos.CENTER_RIGHT);
        items.addListener((ListChangeListener<StatusBarItem>) change -> showPluginItems(items));
        showPluginItems(items);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        bar.getChildren().setAll(connection, new Separator(javafx.geometry.Orientation.VERTICAL), presence, status,
                pluginItems);
        watchAccounts();
    }

    Region node() {
        return bar;
    }

    private void showPluginItems(List<StatusBarItem> items) {
        pluginItems.getChildren().setAll(items.stream().map(StatusBarItem::node).toList());
    }

    private void watchAccounts() {
        ChangeListener<Object> refresh = (observable, before, after) -> refresh();
        java.util.function.Consumer<AccountRow> watch = row -> {
            row.stateProperty().addListener(refresh);
            row.messageProperty().addListener(refresh);
            row.accountProperty().addListener(refresh);
        };
        accounts.rows().forEach(watch);
        accounts.rows().addListener((ListChangeListener<AccountRow>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(watch);
                change.getRemoved().forEach(row -> {
                    row.stateProperty().removeListener(refresh);
                    row.messageProperty().removeListener(refresh);
                    row.accountProperty().removeListener(refresh);
                });
            }
            refresh();
        });
        refresh();
    }

    /** One line for all accounts: the first one with news (failure, reconnecting) wins, else a summary. */
    private void refresh() {
        List<AccountRow> rows = accounts.rows();
        if (rows.isEmpty()) {
            connection.setText(messages.get("status.noAccount"));
            return;
        }
        AccountRow shown = rows.stream()
                .filter(row -> row.stateProperty().get() == ConnectionState.FAILED
                        || row.stateProperty().get() == ConnectionState.RECONNECTING
                        || row.stateProperty().get() == ConnectionState.CONNECTING)
                .findFirst().orElse(rows.getFirst());
        ConnectionState state = shown.stateProperty().get();
        String text = shown.account().jid() + " — " + Labels.state(messages, state);
        String reason = shown.messageProperty().get();
        if (!reason.isBlank() && state != ConnectionState.CONNECTED && state != ConnectionState.DISCONNECTED) {
            text += ": " + reason;
        }
        connection.setText(text);
        connection.setTooltip(new Tooltip(text));
        connection.getStyleClass().removeAll("state-failed", "state-connected");
        if (state == ConnectionState.FAILED) {
            connection.getStyleClass().add("state-failed");
        } else if (state == ConnectionState.CONNECTED) {
            connection.getStyleClass().add("state-connected");
        }
        boolean anyOnline = rows.stream().anyMatch(row -> row.stateProperty().get() == ConnectionState.CONNECTED);
        updatingSelector = true;
        try {
            if (!anyOnline && state != ConnectionState.CONNECTING && state != ConnectionState.RECONNECTING) {
                presence.setValue(PresenceKind.OFFLINE);
            } else if (anyOnline && presence.getValue() == PresenceKind.OFFLINE) {
                presence.setValue(shown.account().presence().kind() == PresenceKind.OFFLINE ? PresenceKind.AVAILABLE
                        : shown.account().presence().kind());
            }
        } finally {
            updatingSelector = false;
        }
    }

    private final class PresenceCell extends ListCell<PresenceKind> {
        @Override
        protected void updateItem(PresenceKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Labels.presence(messages, item));
            getStyleClass().removeIf(style -> style.startsWith("presence-"));
            if (!empty && item != null) {
                getStyleClass().add("presence-" + item.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
