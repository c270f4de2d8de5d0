package welljabber.api.plugin;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;

import welljabber.api.connection.XmppSessions;
import welljabber.api.event.EventBus;
import welljabber.api.prefs.PluginPreferences;
import welljabber.api.storage.PluginStorage;
import welljabber.api.ui.UiContributions;

/**
 * Everything the shell gives a plugin. Registrations made through it are tied to the plugin and
 * undone by the shell when the plugin stops, even if the plugin forgets.
 */
public interface PluginContext {

    /** The shared, typed event bus through which plugins talk to the shell and to each other. */
    EventBus events();

    /** The accounts' shared Smack connections, which survive reconnects. */
    XmppSessions sessions();

    /** This plugin's own tables in the local database; other plugins' tables are out of reach. */
    PluginStorage storage();

    /** Side panes, centre tabs, menus, settings pages and status bar items. */
    UiContributions ui();

    /** Capability services plugins offer each other, looked up by interface type. */
    ServiceRegistry services();

    /** Runs work off the JavaFX thread; tasks of one plugin may run in parallel. */
    Executor background();

    /** Small key/value settings of this plugin, kept in the user's config folder. */
    PluginPreferences preferences();

    /** A folder for this plugin's files inside the profile; created on first call. */
    Path dataFolder();

    /** The language the user chose for the interface. */
    Locale locale();
}
