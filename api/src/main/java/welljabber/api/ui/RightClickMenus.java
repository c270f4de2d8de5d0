package welljabber.api.ui;

import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Opens a menu on a right click (or the keyboard's menu key) on every platform. JavaFX shows a
 * control's context menu only when the platform sends a context-menu request, and some platforms,
 * the headless one UI tests run on among them, send none for a right click: there the menu opens
 * when the button comes up. Either way it opens once per click. Since api 1.4.
 */
public final class RightClickMenus {
    /** Where to open the menu, in screen coordinates; decides which menu, if any, from the state at that moment. */
    @FunctionalInterface
    public interface Opener {
        void open(double screenX, double screenY);
    }

    private RightClickMenus() {
    }

    /** Calls {@code opener} for each right click on {@code node} and each menu-key press while it has the focus; FX thread. */
    public static void attach(Node node, Opener opener) {
        Objects.requireNonNull(opener, "opener");
        // Per click: whether the menu was opened already, by the request or by the button coming up (some
        // platforms send the request after the release).
        boolean[] opened = {false};
        node.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> opened[0] = false);
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (event.isKeyboardTrigger() || !opened[0]) {
                opened[0] = true;
                opener.open(event.getScreenX(), event.getScreenY());
            }
            event.consume();
        });
        // A filter, not a handler: a link or button under the pointer takes the release for itself.
        node.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (event.getButton() == MouseButton.SECONDARY && !opened[0]) {
                opened[0] = true;
                opener.open(event.getScreenX(), event.getScreenY());
            }
        });
    }
}
