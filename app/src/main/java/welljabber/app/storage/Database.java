package welljabber.app.storage;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.h2.jdbcx.JdbcConnectionPool;

import welljabber.api.storage.Migration;
import welljabber.api.storage.StorageException;

/**
 * The profile's H2 database. The shell connects as the database's administrator and keeps its own
 * tables in the {@code APP} schema. Each plugin gets a schema of its own owned by a database user of
 * its own, so a plugin's SQL cannot read or change another plugin's tables or the shell's (H2 checks
 * the rights, not us).
 */
public final class Database implements AutoCloseable {
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private final String url;
    private final JdbcConnectionPool adminPool;
    private final Map<String, JdbcConnectionPool> pluginPools = new ConcurrentHashMap<>();
    /** Per plugin: its background work may run on several threads at once, each holding one for a moment. */
    private static final int PLUGIN_CONNECTIONS = 8;

    private Database(String url, JdbcConnectionPool adminPool) {
        this.url = url;
        this.adminPool = adminPool;
    }

    /**
     * How the profile's database is opened, after its file name; anything else opening it in this process (a
     * bench reading it while the shell runs) must use the same. AUTO_SERVER stays off: one process owns a profile.
     * DB_CLOSE_ON_EXIT off because we close it ourselves. MAX_COMPACT_TIME=0: no compacting as the database
     * closes. With H2 2.3.232's default (up to 200 ms of it), a file that had been recovered after a kill was
     * unreadable after its next clean close in 2 of about 10 runs of the chat plugin's KillDuringBurstTest ("File
     * corrupted while reading record", "Double mark"; H2 issues 2752 and 4387 report the same after a shutdown);
     * without it, 0 in 18. It also cost the FX thread about 200 ms at exit. The store still compacts itself while
     * it runs. (The tests' H2TestStorage, which cannot see this class, repeats it.)
     */
    public static final String URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";

    /** Opens (creating when new) the database at {@code file} and brings the shell's schema up to date. */
    public static Database open(Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + URL_SETTINGS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "welljabber", "");
        pool.setMaxConnections(8);
        Database database = new Database(url, pool);
        // A commit must be in the file before it returns: with H2's default write delay a killed
        // process lost messages the chat plugin had already acknowledged to their senders (issue #6).
        // Set as the shell (admin) for the whole database; plugins' own users may not change it.
        try (Connection admin = pool.getConnection(); java.sql.Statement statement = admin.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new ProfileInUseException(file, e);
            }
            throw new StorageException("Could not open the database " + file, e);
        }
        database.migrateSchema("APP", AppSchema.MIGRATIONS, null);
        return database;
    }

    /**
     * DDL from two threads (one plugin migrating its tables while another plugin's user and schema
     * are created) made H2 time out on its system table lock, and the second plugin failed to start:
     * the shell runs its schema changes one at a time.
     */
    private final Object schemaChanges = new Object();

    public Connection adminConnection() throws SQLException {
        return adminPool.getConnection();
    }

    /** Runs {@code work} as the shell, in one transaction. */
    public <T> T inTransaction(welljabber.api.storage.SqlWork<T> work) {
        try (Connection connection = adminConnection()) {
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw new StorageException("Database work failed", e);
        }
    }

    /**
     * The storage of one plugin: creates its user and schema on first use. The plugin user's
     * password is random and kept in the shell's own table, which plugins cannot read.
     */
    public SchemaStorage pluginStorage(String pluginId) {
        String id = pluginId.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (!PLUGIN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A plugin id must be letters, digits, '-', '_' or '.', got " + pluginId);
        }
        String schema = "PLUGIN_" + id.toUpperCase(Locale.ROOT);
        String user = schema + "_USER";
        String password;
        synchronized (schemaChanges) {
            password = createUser(pluginId, schema, user);
        }
        // Pooled: a new H2 session per statement (log-in, password hash) cost the chat plugin about a sixth
        // of its time storing a burst. One pool per plugin, kept across its restarts, closed with the database.
        JdbcConnectionPool pool = pluginPools.computeIfAbsent(pluginId, any -> {
            JdbcConnectionPool created = JdbcConnectionPool.create(url, user, password);
            created.setMaxConnections(PLUGIN_CONNECTIONS);
            return created;
        });
        return new SchemaStorage(this, schema, pool::getConnection);
    }

    /** The plugin's database password, creating its user and schema the first time. */
    private String createUser(String pluginId, String schema, String user) {
        return inTransaction(connection -> {
            // Keyed by the id exactly as given: "a-b", "a.b" and "a_b" share a schema name, so only the
            // first of them may have it, or one plugin could read another's tables.
            try (var find = connection.prepareStatement("SELECT password FROM APP.PLUGIN_USER WHERE plugin_id = ?")) {
                find.setString(1, pluginId);
                try (var rows = find.executeQuery()) {
                    if (rows.next()) {
                        return rows.getString(1);
                    }
                }
            }
            try (var taken = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                taken.setString(1, schema);
                try (var rows = taken.executeQuery()) {
                    if (rows.next()) {
                        throw new IllegalArgumentException("The plugin id " + pluginId + " would share the storage "
                                + schema + " of another plugin");
                    }
                }
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String fresh = HexFormat.of().formatHex(random);
            try (var statement = connection.createStatement()) {
                // Identifiers are checked against PLUGIN_ID above, so quoting them here is safe.
                statement.execute("CREATE USER IF NOT EXISTS \"" + user + "\" PASSWORD '" + fresh + "'");
                statement.execute("ALTER USER \"" + user + "\" SET PASSWORD '" + fresh + "'");
                statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\" AUTHORIZATION \"" + user + "\"");
            }
            try (var insert = connection.prepareStatement("INSERT INTO APP.PLUGIN_USER(plugin_id, password) VALUES (?, ?)")) {
                insert.setString(1, pluginId);
                insert.setString(2, fresh);
                insert.executeUpdate();
            }
            return fresh;
        });
    }

    /** Applies the migrations of one schema; {@code connector} null means as the administrator. */
    int migrateSchema(String schema, List<Migration> migrations, SchemaStorage.Connector connector) {
        synchronized (schemaChanges) {
            return migrateSchemaNow(schema, migrations, connector);
        }
    }

    private int migrateSchemaNow(String schema, List<Migration> migrations, SchemaStorage.Connector connector) {
        try (Connection connection = connector == null ? adminConnection() : connector.connect()) {
            return new MigrationRunner(schema).migrate(connection, migrations);
        } catch (SQLException e) {
            throw new StorageException("Could not update the database schema " + schema, e);
        }
    }

    @Override
    public void close() {
        pluginPools.values().forEach(JdbcConnectionPool::dispose);
        adminPool.dispose();
        // A connection of its own: shutting down through a pooled one leaves the pool closing a dead connection.
        try (Connection connection = DriverManager.getConnection(url, "welljabber", "");
                var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            org.tinylog.Logger.warn(e, "Database shutdown failed");
        }
    }
}
