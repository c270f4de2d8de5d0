package welljabber.plugin.chat.view;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import welljabber.plugin.chat.Texts;

/**
 * Where the user writes: several lines; Enter sends, Shift+Enter starts a new line (a TextArea's own
 * Enter would insert a line break, so Enter is taken before the TextArea sees it). Pasting is the
 * TextArea's own.
 */
final class Composer {
    private final TextArea input = new TextArea();
    private final Button send = new Button();
    private final HBox root = new HBox(6, input, send);

    Composer(Texts texts, Consumer<String> onSend) {
        input.setId("chatInput");
        input.setPromptText(texts.get("input.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(3);
        HBox.setHgrow(input, Priority.ALWAYS);
        send.setId("chatSend");
        send.setText(texts.get("send.button"));
        send.setDefaultButton(false);
        send.setMaxHeight(Double.MAX_VALUE);
        root.setAlignment(Pos.CENTER);
        send.setOnAction(event -> submit(onSend));
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER) {
                return;
            }
            event.consume();
            if (event.isShiftDown()) {
                input.replaceSelection("\n");
            } else {
                submit(onSend);
            }
        });
    }

    HBox node() {
        return root;
    }

    void setDraft(String draft) {
        input.setText(draft);
        input.positionCaret(draft.length());
    }

    void focus() {
        input.requestFocus();
    }

    /** Blank input is not a message; everything else goes out exactly as typed. */
    private void submit(Consumer<String> onSend) {
        String text = input.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        input.clear();
        onSend.accept(text);
    }
}
