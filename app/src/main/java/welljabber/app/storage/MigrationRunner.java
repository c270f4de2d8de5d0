package welljabber.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import org.tinylog.Logger;

import welljabber.api.storage.Migration;

/**
 * Applies versioned migrations to one schema. The version reached is kept in a
 * {@code SCHEMA_VERSION} table inside that same schema, so a plugin's user (who can only touch its
 * own schema) can migrate itself. Hand-rolled rather than Flyway: a few dozen lines, no extra
 * module on the module path, and it must run as many H2 users in one file.
 */
final class MigrationRunner {
    private final String schema;

    MigrationRunner(String schema) {
        this.schema = schema;
    }

    int migrate(Connection connection, List<Migration> migrations) throws SQLException {
        List<Migration> ordered = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).version() != i + 1) {
                throw new IllegalArgumentException("Migrations of " + schema + " must be numbered 1, 2, 3... without gaps");
            }
        }
        if (!schemaExists(connection)) {
            // Only the shell's administrator gets here: plugin schemas are created with their owner.
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA \"" + schema + "\"");
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS \"" + schema + "\".SCHEMA_VERSION("
                    + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > ordered.size()) {
            throw new IllegalStateException("The database schema " + schema + " is at version " + current
                    + ", newer than this WellJabber knows (" + ordered.size() + "). Use a newer WellJabber with this profile.");
        }
        for (Migration migration : ordered.subList(current, ordered.size())) {
            Transactions.run(connection, c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("SET SCHEMA \"" + schema + "\"");
                    statement.execute(migration.sql());
                }
                try (var record = c.prepareStatement("INSERT INTO \"" + schema + "\".SCHEMA_VERSION(version, description) VALUES (?, ?)")) {
                    record.setInt(1, migration.version());
                    record.setString(2, migration.description());
                    record.executeUpdate();
                }
                return null;
            });
            Logger.info("Schema {} migrated to version {}: {}", schema, migration.version(), migration.description());
        }
        return ordered.size();
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, schema);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM \"" + schema + "\".SCHEMA_VERSION")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
