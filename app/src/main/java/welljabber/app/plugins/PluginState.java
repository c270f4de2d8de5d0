package welljabber.app.plugins;

/** A plugin's state as Help → Plugins shows it. */
public enum PluginState {
    LOADED, RUNNING, STOPPED, DISABLED, FAILED
}
