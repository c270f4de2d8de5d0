package welljabber.app.plugins;

import welljabber.api.plugin.Disposable;
import welljabber.api.ui.SettingsPage;
import welljabber.api.ui.UiContributions;
import welljabber.app.settings.FilePreferences;

/** The window's contributions as the plugin host adds them: a plugin's settings page comes with its preferences. */
public interface PluginUiHost extends UiContributions {

    /**
     * Adds a plugin's settings page; its controls write {@code preferences} as the user changes them, and
     * the Settings dialog puts those back when the user cancels.
     */
    Disposable addSettingsPage(SettingsPage page, FilePreferences preferences);
}
