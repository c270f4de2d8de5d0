package welljabber.app.shell;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import welljabber.api.ui.SettingsPage;
import welljabber.app.i18n.Messages;
import welljabber.app.settings.FilePreferences;
import welljabber.app.settings.Settings;

/**
 * File → Settings: the shell's own page (language, debugging) plus one tab per plugin page. The shell's
 * page is kept on Save; a plugin's controls write its preferences as the user changes them (the api has
 * no save step), so Cancel puts {@code pluginPreferences} back as they were when the dialog opened.
 */
final class SettingsDialog extends Dialog<Void> {
    private boolean saved;

    SettingsDialog(Window owner, Messages messages, Settings settings, List<SettingsPage> pluginPages,
            List<FilePreferences> pluginPreferences, String passwordStorage) {
        initOwner(owner);
        Map<FilePreferences, Map<String, String>> before = new IdentityHashMap<>();
        pluginPreferences.forEach(preferences -> before.put(preferences, preferences.snapshot()));
        setTitle(messages.get("settings.title"));
        setResizable(true);
        ChoiceBox<String> language = new ChoiceBox<>();
        language.setId("settingsLanguage");
        language.getItems().setAll("system", "en", "zh_CN");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : messages.get("settings.language." + value);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        language.setValue(settings.language());
        Label restart = new Label(messages.get("settings.language.restart"));
        restart.getStyleClass().add("hint");
        CheckBox stanzaLog = new CheckBox(messages.get("settings.stanzaLog"));
        stanzaLog.setId("settingsStanzaLog");
        stanzaLog.setSelected(settings.stanzaLog());
        Label stanzaHint = new Label(messages.get("settings.stanzaLog.hint"));
        stanzaHint.getStyleClass().add("hint");
        stanzaHint.setWrapText(true);
        GridPane general = new GridPane();
        general.setHgap(8);
        general.setVgap(8);
        general.setPadding(new Insets(10));
        general.addRow(0, new Label(messages.get("settings.language")), language);
        general.add(restart, 1, 1);
        general.add(stanzaLog, 0, 2, 2, 1);
        general.add(stanzaHint, 0, 3, 2, 1);
        general.addRow(4, new Label(messages.get("settings.passwords")), new Label(passwordStorage));
        TabPane tabs = new TabPane(new Tab(messages.get("settings.general"), general));
        for (SettingsPage page : pluginPages) {
            tabs.getTabs().add(new Tab(page.title(), page.content().get()));
        }
        tabs.getTabs().forEach(tab -> tab.setClosable(false));
        tabs.setPrefSize(560, 340);
        getDialogPane().setContent(tabs);
        ButtonType ok = new ButtonType(messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok, new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        // Not in the result converter's other branch: the dialog calls it again with Cancel when it closes
        // after Save (a Void result is no result), which put back what the user had just saved.
        setOnHidden(event -> {
            if (!saved) {
                before.forEach(FilePreferences::restore);
            }
        });
        setResultConverter(button -> {
            if (button == ok) {
                settings.setLanguage(language.getValue());
                settings.setStanzaLog(stanzaLog.isSelected());
                saved = true;
            }
            return null;
        });
    }
}
