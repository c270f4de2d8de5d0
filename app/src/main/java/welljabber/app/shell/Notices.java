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
        // The title only: a notice's text can be the start of someone's message, which has no place in a log file.
        Logger.info("Notice: {}", title);
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications.create().owner(owner).title(title).text(text).hideAfter(Duration.seconds(6)).showInformation();
    }
}
