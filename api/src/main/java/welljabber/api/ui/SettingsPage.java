package welljabber.api.ui;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;

/** A page in the Settings dialog; {@code content} is built each time the dialog opens. */
public record SettingsPage(String id, String title, Supplier<Node> content) {
    public SettingsPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
