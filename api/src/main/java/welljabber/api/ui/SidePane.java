package welljabber.api.ui;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * A pane on the left of the main window, such as the contact list or the rooms list. Lower
 * {@code order} comes first; {@code content} is called once, on the FX thread, when the pane is added.
 */
public record SidePane(String id, String title, int order, Supplier<Node> content) {
    public SidePane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
