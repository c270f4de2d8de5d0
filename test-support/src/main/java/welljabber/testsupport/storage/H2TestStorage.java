package welljabber.testsupport.storage;

import java.nio.file.Path;
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
 * A real H2 database behind a plugin's storage interface, for plugins' tests: the same engine and SQL
 * the shell gives a plugin, without a profile (the shell adds a schema and a database user per plugin;
 * the SQL a plugin runs is the same). Migrations run in order, each once, as the shell's runner does
 * (its bookkeeping is the shell's business; here a version table suffices).
 */
public final class H2TestStorage implements PluginStorage, AutoCloseable {
    private final String url;
    private final Connection keepAlive;

    /** In memory, gone when closed. */
    public static H2TestStorage inMemory() {
        return new H2TestStorage("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * In a file, opened with the shell's own settings ({@code Database.URL_SETTINGS}, repeated here since the app's
     * tests depend on this module: DB_CLOSE_ON_EXIT off, no compacting at close, H2's defaults otherwise).
     */
    public static H2TestStorage file(Path file) {
        return file(file, System.getProperty("welljabber.test.h2Settings", ""));
    }

    /** {@link #file(Path)} with more H2 settings appended to the URL, such as {@code ;WRITE_DELAY=0}. */
    public static H2TestStorage file(Path file, String settings) {
        return new H2TestStorage("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0" + settings);
    }

    private H2TestStorage(String url) {
        this.url = url;
        try {
            keepAlive = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String schema() {
        return "PUBLIC";
    }

    @Override
    public int migrate(List<Migration> migrations) {
        return inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS TEST_VERSION (V INT)");
                var rows = statement.executeQuery("SELECT COALESCE(MAX(V), 0) FROM TEST_VERSION");
                rows.next();
                int version = rows.getInt(1);
                for (Migration migration : migrations) {
                    if (migration.version() > version) {
                        statement.execute(migration.sql());
                        statement.execute("INSERT INTO TEST_VERSION VALUES (" + migration.version() + ")");
                        version = migration.version();
                    }
                }
                return version;
            }
        });
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("test database", e);
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
            throw new StorageException("test database", e);
        }
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}
