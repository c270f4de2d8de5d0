package welljabber.plugin.roster.view;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import welljabber.api.i18n.PluginTexts;
import welljabber.plugin.roster.session.SubscriptionRequest;

/**
 * Contact requests waiting for the user: who asks, and Allow / Allow and add back / Deny. Hidden
 * while there are none. The list is virtualized too: a spam wave of requests must not freeze the pane.
 */
public final class RequestsView {
    private static final double ROW_HEIGHT = 58;
    private static final int VISIBLE_ROWS = 3;

    private final ObservableList<SubscriptionRequest> requests = FXCollections.observableArrayList();
    private final VBox root;

    /** What the user answered. */
    public interface Answer {
        void answer(SubscriptionRequest request, boolean allow, boolean addBack);
    }

    public RequestsView(PluginTexts texts, Answer answer) {
        Label title = new Label();
        title.getStyleClass().add("roster-requests-title");
        ListView<SubscriptionRequest> list = new ListView<>(requests);
        list.setId("pendingRequests");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(view -> new RequestCell(texts, answer));
        root = new VBox(2, title, list);
        root.setPadding(new Insets(0, 4, 4, 4));
        root.getStyleClass().add("roster-requests");
        requests.addListener((ListChangeListener<SubscriptionRequest>) change -> {
            boolean any = !requests.isEmpty();
            root.setVisible(any);
            root.setManaged(any);
            title.setText(texts.format("requests.title", requests.size()));
            list.setPrefHeight(Math.min(requests.size(), VISIBLE_ROWS) * ROW_HEIGHT + 2);
        });
        root.setVisible(false);
        root.setManaged(false);
    }

    public Node node() {
        return root;
    }

    /** FX thread: shows a request, once per account and address. */
    public void add(SubscriptionRequest request) {
        requests.removeIf(old -> old.account().equals(request.account()) && old.from().equals(request.from()));
        requests.add(request);
    }

    /** FX thread. */
    public void remove(SubscriptionRequest request) {
        requests.removeIf(old -> old.account().equals(request.account()) && old.from().equals(request.from()));
    }

    /** FX thread: the account went away; its requests are re-sent by the server at the next login. */
    public void removeAccount(welljabber.api.account.AccountId account) {
        requests.removeIf(old -> old.account().equals(account));
    }

    private static final class RequestCell extends ListCell<SubscriptionRequest> {
        private final PluginTexts texts;
        private final Label who = new Label();
        private final Button allow;
        private final Button allowAndAdd;
        private final Button deny;
        private final VBox box;

        RequestCell(PluginTexts texts, Answer answer) {
            this.texts = texts;
            who.setWrapText(false);
            who.getStyleClass().add("roster-request-who");
            allow = new Button(texts.get("requests.allow"));
            allow.getStyleClass().add("request-allow");
            allowAndAdd = new Button(texts.get("requests.allowAndAdd"));
            allowAndAdd.getStyleClass().add("request-allow-add");
            deny = new Button(texts.get("requests.deny"));
            deny.getStyleClass().add("request-deny");
            allow.setOnAction(event -> answer.answer(getItem(), true, false));
            allowAndAdd.setOnAction(event -> answer.answer(getItem(), true, true));
            deny.setOnAction(event -> answer.answer(getItem(), false, false));
            HBox buttons = new HBox(4, allow, allowAndAdd, deny);
            buttons.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, who, buttons);
            HBox.setHgrow(box, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(SubscriptionRequest request, boolean empty) {
            super.updateItem(request, empty);
            setText(null);
            if (empty || request == null) {
                setGraphic(null);
                return;
            }
            who.setText(request.nickname().isEmpty() ? texts.format("requests.who", request.from())
                    : texts.format("requests.whoNamed", request.nickname(), request.from()));
            setGraphic(box);
        }
    }
}
