package welljabber.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import welljabber.api.plugin.ApiVersion;
import welljabber.app.i18n.Messages;

/** Help → About: version, licence, and where this profile keeps its things. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner, Messages messages, String version, String profile, String logs, String passwords) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle(messages.get("about.title"));
        about.setHeaderText(messages.format("about.header", version, ApiVersion.running().toString()));
        Label text = new Label(messages.format("about.text", profile, logs, passwords));
        text.setWrapText(true);
        about.getDialogPane().setContent(new VBox(text));
        about.show();
    }
}
