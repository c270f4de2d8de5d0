package welljabber.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import welljabber.api.storage.Migration;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.SqlWork;
import welljabber.api.storage.StorageException;

/** A plugin's view of the database: connections as the plugin's own H2 user, in its own schema. */
public final class SchemaStorage implements PluginStorage {

    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Database database;
    private final String schema;
    private final Connector connector;

    SchemaStorage(Database database, String schema, Connector connector) {
        this.database = database;
        this.schema = schema;
        this.connector = connector;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public int migrate(List<Migration> migrations) {
        return database.migrateSchema(schema, migrations, connector);
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = open()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("Database work of " + schema + " failed", e);
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = open()) {
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw new StorageException("Database work of " + schema + " failed", e);
        }
    }

    private Connection open() throws SQLException {
        Connection connection = connector.connect();
        // A pooled session keeps its schema: set it once, not with a statement at every use (a burst of
        // messages took a connection per batch and per read, and parsing this was a visible part of it).
        if (!schema.equals(connection.getSchema())) {
            try (var statement = connection.createStatement()) {
                statement.execute("SET SCHEMA \"" + schema + "\"");
            }
        }
        return connection;
    }
}
