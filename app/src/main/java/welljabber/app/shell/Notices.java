package welljabber.app.shell;

import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.tinylog.Logger;

/** Short, non-blocking notices in the corner of the main window (ControlsFX notifications). */
final class Notices {
    private final Window owner;

    Notices(Window owner) {
        this.owner = owner;
    }

    void show(String title, String text) {
        Logger.info("Notice: {}: {}", title, text);
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications.create().owner(owner).title(title).text(text).hideAfter(Duration.seconds(6)).showInformation();
    }
}
