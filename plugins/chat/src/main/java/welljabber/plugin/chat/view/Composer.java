package welljabber.plugin.chat.view;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.conversation.ConversationModel;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Where the user writes: several lines; Enter sends, Shift+Enter starts a new line (a TextArea's own
 * Enter would insert a line break, so Enter is taken before the TextArea sees it). Up in an empty
 * field picks our last message to correct (XEP-0308), Escape stops correcting. Pasting is the
 * TextArea's own.
 */
final class Composer {
    private final ConversationModel model;
    private final Texts texts;
    private final Consumer<String> problem;
    private final TextArea input = new TextArea();
    private final Button send = new Button();
    private final Label editing = new Label();
    private final VBox root;
    private Optional<StoredMessage> correcting = Optional.empty();

    /** {@code problem} shows a sentence when a correction cannot be kept. */
    Composer(ConversationModel model, Texts texts, Consumer<String> problem) {
        this.model = model;
        this.texts = texts;
        this.problem = problem;
        input.setId("chatInput");
        input.setPromptText(texts.get("input.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(3);
        HBox.setHgrow(input, Priority.ALWAYS);
        send.setId("chatSend");
        send.setText(texts.get("send.button"));
        send.setMaxHeight(Double.MAX_VALUE);
        send.setOnAction(event -> submit());
        editing.setId("chatCorrecting");
        editing.getStyleClass().add("chat-correcting");
        show(editing, false);
        HBox row = new HBox(6, input, send);
        row.setAlignment(Pos.CENTER);
        root = new VBox(2, editing, row);
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        input.textProperty().addListener((observable, before, after) -> model.draftChanged(after != null && !after.isBlank()));
    }

    VBox node() {
        return root;
    }

    void setDraft(String draft) {
        input.setText(draft);
        input.positionCaret(draft.length());
    }

    void focus() {
        input.requestFocus();
    }

    /** What the user is writing, as they write it. */
    ObservableValue<String> text() {
        return input.textProperty();
    }

    /** Whether the user has marked text in what they are writing: the copy shortcut is theirs then. */
    boolean hasSelectedText() {
        return !input.getSelectedText().isEmpty();
    }

    private void key(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> {
                event.consume();
                if (event.isShiftDown()) {
                    input.replaceSelection("\n");
                } else {
                    submit();
                }
            }
            case UP -> {
                if (input.getText().isEmpty() && correcting.isEmpty()) {
                    event.consume();
                    model.lastOutgoing(last -> last.filter(m -> m.state() != DeliveryState.FAILED).ifPresent(this::startCorrecting));
                }
            }
            case ESCAPE -> {
                if (correcting.isPresent()) {
                    event.consume();
                    stopCorrecting();
                    input.clear();
                }
            }
            default -> { }
        }
    }

    private void startCorrecting(StoredMessage last) {
        correcting = Optional.of(last);
        editing.setText(texts.get("correct.notice"));
        show(editing, true);
        setDraft(last.body());
    }

    private void stopCorrecting() {
        correcting = Optional.empty();
        show(editing, false);
    }

    /** Blank input is not a message; everything else goes out exactly as typed. */
    private void submit() {
        String text = input.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        input.clear();
        if (correcting.isPresent()) {
            StoredMessage original = correcting.get();
            stopCorrecting();
            if (!text.equals(original.body())) {
                model.correct(original, text, kept -> {
                    if (!kept) {
                        // Nothing is lost: the text comes back to the input unless the user started something new.
                        if (input.getText().isEmpty()) {
                            input.setText(text);
                        }
                        problem.accept(texts.get("correct.failed"));
                    }
                });
            }
            return;
        }
        // Nothing is lost: a message history could not take comes back to the input, unless the user started another.
        model.send(text, () -> {
            if (input.getText().isEmpty()) {
                input.setText(text);
            }
        });
    }

    private static void show(Label label, boolean visible) {
        label.setVisible(visible);
        label.setManaged(visible);
    }
}
