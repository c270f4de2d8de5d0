package welljabber.api.storage;

import java.util.List;

/**
 * A plugin's own corner of the local H2 database: a schema named after the plugin, reached through a
 * database user that owns that schema and has no rights anywhere else. Call it off the FX thread.
 */
public interface PluginStorage {

    /** The schema holding this plugin's tables; connections start with it as the default schema. */
    String schema();

    /** Applies, in order, the migrations not applied yet; returns the schema version reached. */
    int migrate(List<Migration> migrations);

    /** Runs {@code work} on a connection in auto-commit mode; use it for single statements. */
    <T> T withConnection(SqlWork<T> work);

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(SqlWork<T> work);
}
