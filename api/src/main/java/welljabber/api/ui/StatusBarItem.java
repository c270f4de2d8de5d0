package welljabber.api.ui;

import java.util.Objects;

import javafx.scene.Node;

/** A small node on the right of the status bar; lower {@code order} stands further left. */
public record StatusBarItem(String id, int order, Node node) {
    public StatusBarItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
    }
}
