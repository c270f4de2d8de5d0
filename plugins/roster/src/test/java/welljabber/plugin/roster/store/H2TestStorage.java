package welljabber.plugin.roster.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import welljabber.api.storage.Migration;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.SqlWork;
import welljabber.api.storage.StorageException;

/**
 * A plugin's storage on a real in-memory H2 database, for tests outside the shell. The shell's own
 * storage adds a schema and a database user per plugin; the SQL a plugin runs is the same.
 */
public final class H2TestStorage implements PluginStorage {
    private final String url = "jdbc:h2:mem:roster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private int version;

    @Override
    public String schema() {
        return "PUBLIC";
    }

    @Override
    public synchronized int migrate(List<Migration> migrations) {
        for (Migration migration : migrations) {
            if (migration.version() > version) {
                withConnection(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(migration.sql());
                    }
                    return null;
                });
                version = migration.version();
            }
        }
        return version;
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("test storage: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("test storage: " + e.getMessage(), e);
        }
    }
}
