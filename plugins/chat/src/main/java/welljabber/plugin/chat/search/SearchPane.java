package welljabber.plugin.chat.search;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.render.BodyRenderer;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * The Search side pane: a field, and the newest messages of every conversation that contain all the
 * words typed. Choosing a result (click or Enter) opens its conversation at that message.
 */
public final class SearchPane {
    /** Results shown for one query. */
    static final int RESULTS = 100;
    /** Longer texts are cut in the result list (the conversation shows them whole). */
    private static final int SNIPPET = 160;

    private final SearchIndex index;
    private final Executor background;
    private final Texts texts;
    private final Consumer<StoredMessage> open;
    private final TextField query = new TextField();
    private final ListView<StoredMessage> results = new ListView<>();
    private final Label status = new Label();
    private final VBox root = new VBox(6);
    private final AtomicLong asked = new AtomicLong();
    private final DateTimeFormatter time;

    /** {@code open} shows a result in its conversation (FX thread). */
    public SearchPane(SearchIndex index, Executor background, Texts texts, Consumer<StoredMessage> open) {
        this.index = index;
        this.background = background;
        this.texts = texts;
        this.open = open;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale())
                .withZone(ZoneId.systemDefault());
        query.setId("chatSearchField");
        query.setPromptText(texts.get("search.prompt"));
        query.setOnAction(event -> search());
        query.textProperty().addListener((observable, before, after) -> search());
        results.setId("chatSearchResults");
        results.setCellFactory(list -> new ResultCell());
        results.setPlaceholder(status);
        results.setOnMouseClicked(event -> openSelected());
        results.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected();
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        root.getChildren().setAll(query, results);
    }

    public Node node() {
        return root;
    }

    public void focus() {
        query.requestFocus();
    }

    private void openSelected() {
        StoredMessage chosen = results.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            open.accept(chosen);
        }
    }

    /** Asks the index off the FX thread; only the answer to the latest question is shown. */
    private void search() {
        String text = query.getText() == null ? "" : query.getText().strip();
        long ticket = asked.incrementAndGet();
        if (text.isEmpty()) {
            results.getItems().clear();
            status.setText("");
            return;
        }
        background.execute(() -> {
            List<StoredMessage> found;
            try {
                found = index.search(text, RESULTS);
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.setText(texts.get("history.failed")));
                return;
            }
            Platform.runLater(() -> {
                if (asked.get() == ticket) {
                    results.getItems().setAll(found);
                    status.setText(texts.get("search.none"));
                }
            });
        });
    }

    private final class ResultCell extends ListCell<StoredMessage> {
        @Override
        protected void updateItem(StoredMessage message, boolean empty) {
            super.updateItem(message, empty);
            if (empty || message == null) {
                setText(null);
                return;
            }
            String peer = message.key().peer().toString();
            String text = BodyRenderer.render(message.body(), peer).text().replace('\n', ' ');
            setText(texts.format("search.result", peer, time.format(message.at()),
                    text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text));
            getStyleClass().add("chat-search-result");
        }
    }
}
