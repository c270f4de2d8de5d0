package welljabber.app.plugins;

import java.util.HashSet;
import java.util.Set;

import welljabber.app.storage.Database;

/**
 * Which plugins the user turned off, by plugin id, in the shell's {@code APP.PLUGIN_STATE} table.
 * A plugin without a row is enabled. Call off the FX thread.
 */
public final class PluginStates {
    private final Database database;

    public PluginStates(Database database) {
        this.database = database;
    }

    /** The ids of the plugins not to start. */
    public Set<String> disabled() {
        return database.inTransaction(connection -> {
            Set<String> ids = new HashSet<>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT plugin_id FROM APP.PLUGIN_STATE WHERE NOT enabled")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return Set.copyOf(ids);
        });
    }

    public void setEnabled(String pluginId, boolean enabled) {
        database.inTransaction(connection -> {
            try (var merge = connection.prepareStatement("MERGE INTO APP.PLUGIN_STATE(plugin_id, enabled) KEY(plugin_id) VALUES (?, ?)")) {
                merge.setString(1, pluginId);
                merge.setBoolean(2, enabled);
                return merge.executeUpdate();
            }
        });
    }

    /** Forgets a plugin that was removed, so one installed later under the same id starts enabled. */
    public void forget(String pluginId) {
        database.inTransaction(connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM APP.PLUGIN_STATE WHERE plugin_id = ?")) {
                delete.setString(1, pluginId);
                return delete.executeUpdate();
            }
        });
    }
}
