package welljabber.plugin.chat.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

import welljabber.api.storage.Migration;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.SqlWork;
import welljabber.api.storage.StorageException;

/**
 * The plugin's storage seen from inside one open transaction: every call runs on its connection and is
 * committed with it. A nested transaction is a savepoint, so work that fails half-way is undone alone
 * while the rest of the transaction stands (a failing single statement H2 undoes by itself).
 */
final class SharedTransaction implements PluginStorage {
    private final String schema;
    private final Connection connection;

    SharedTransaction(String schema, Connection connection) {
        this.schema = schema;
        this.connection = connection;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public int migrate(List<Migration> migrations) {
        throw new UnsupportedOperationException("Migrations run on their own, not inside another transaction");
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("Chat history work failed", e);
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            Savepoint before = connection.setSavepoint();
            try {
                T result = work.run(connection);
                connection.releaseSavepoint(before);
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback(before);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("Chat history work failed", e);
        }
    }
}
