package welljabber.app.settings;

import java.nio.file.Path;
import java.util.Locale;

import welljabber.app.i18n.Messages;

/** The shell's own settings in {@code settings.properties} of the config folder. */
public final class Settings {
    private final FilePreferences values;

    public Settings(Path file) {
        this(FilePreferences.of(file));
    }

    Settings(FilePreferences values) {
        this.values = values;
    }

    /** "system", "en" or "zh_CN". */
    public String language() {
        return values.get("language", "system");
    }

    public void setLanguage(String language) {
        values.put("language", language);
    }

    public Locale locale() {
        return Messages.fromSetting(language());
    }

    /** Whether every stanza is written to a separate log file, for debugging (passwords redacted). */
    public boolean stanzaLog() {
        return values.getBoolean("debug.stanzaLog", false);
    }

    public void setStanzaLog(boolean enabled) {
        values.put("debug.stanzaLog", Boolean.toString(enabled));
    }

    public boolean useKeyring() {
        return values.getBoolean("passwords.useKeyring", true);
    }

    public WindowGeometry windowGeometry() {
        return WindowGeometry.parse(values.get("window.geometry", ""));
    }

    public void setWindowGeometry(WindowGeometry geometry) {
        values.put("window.geometry", geometry.format());
    }

    public double sidePaneWidth() {
        try {
            return Double.parseDouble(values.get("window.sidePaneDivider", "0.25"));
        } catch (NumberFormatException corrupt) {
            return 0.25;
        }
    }

    public void setSidePaneWidth(double position) {
        values.put("window.sidePaneDivider", Double.toString(position));
    }
}
