package welljabber.api.ui;

import java.util.Objects;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** What a centre tab shows; {@code onClosed} lets the owner release what the tab held. */
public record TabContent(ObservableValue<String> title, Node node, Runnable onClosed) {
    public TabContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(onClosed, "onClosed");
    }
}
