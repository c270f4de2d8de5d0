package welljabber.app.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import welljabber.api.storage.Migration;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.StorageException;

class DatabaseTest {
    /** H2's ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1; public JDBC only, so the number rather than the constant. */
    private static final int NOT_ENOUGH_RIGHTS = 90096;
    /** H2's ErrorCode.ADMIN_RIGHTS_REQUIRED. */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;

    private static final Migration NOTES = new Migration(1, "notes",
            "CREATE TABLE NOTE(id INT PRIMARY KEY, text VARCHAR(100) NOT NULL)");
    private static final Migration NOTE_COLOUR = new Migration(2, "note colour",
            "ALTER TABLE NOTE ADD COLUMN colour VARCHAR(20) DEFAULT 'yellow' NOT NULL");

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("welljabber"));
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private void reopen() {
        database.close();
        database = null;
        database = Database.open(folder.resolve("welljabber"));
    }

    private List<String> strings(String sql) {
        return database.inTransaction(connection -> {
            List<String> values = new ArrayList<>();
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    private static int count(PluginStorage storage, String sql) {
        return storage.withConnection(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static void execute(PluginStorage storage, String sql) {
        storage.withConnection(connection -> {
            try (var statement = connection.createStatement()) {
                return statement.execute(sql);
            }
        });
    }

    /** The failure must come from H2 refusing the user, not from a typo in the SQL. */
    private static void assertDenied(Executable work, int... codes) {
        StorageException failure = assertThrows(StorageException.class, work);
        SQLException cause = assertInstanceOf(SQLException.class, failure.getCause());
        Set<Integer> expected = new TreeSet<>();
        for (int code : codes) {
            expected.add(code);
        }
        assertTrue(expected.contains(cause.getErrorCode()),
                () -> "expected H2 error " + expected + " but got " + cause.getErrorCode() + ": " + cause.getMessage());
    }

    private static void assertNoRights(Executable work) {
        assertDenied(work, NOT_ENOUGH_RIGHTS);
    }

    @Test
    void appSchemaIsCreatedAtVersionOne() {
        assertTrue(Files.exists(folder.resolve("welljabber.mv.db")));
        assertEquals(List.of("1"), strings("SELECT version FROM APP.SCHEMA_VERSION"));
        List<String> tables = strings(
                "SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = 'APP' ORDER BY table_name");
        assertEquals(List.of("ACCOUNT", "PINNED_CERTIFICATE", "PLUGIN_STATE", "PLUGIN_USER", "SCHEMA_VERSION"), tables);
    }

    @Test
    void reopeningDoesNotRunMigrationsAgain() {
        String appliedAt = strings("SELECT applied_at FROM APP.SCHEMA_VERSION WHERE version = 1").getFirst();
        database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate("INSERT INTO APP.PLUGIN_STATE(plugin_id, enabled) VALUES ('kept', TRUE)");
            }
        });
        reopen();
        assertEquals(List.of("1"), strings("SELECT version FROM APP.SCHEMA_VERSION"));
        assertEquals(List.of(appliedAt), strings("SELECT applied_at FROM APP.SCHEMA_VERSION"));
        assertEquals(List.of("kept"), strings("SELECT plugin_id FROM APP.PLUGIN_STATE"));
    }

    @Test
    void transactionWorkIsRolledBackWhenItThrows() {
        assertThrows(StorageException.class, () -> database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO APP.PLUGIN_STATE(plugin_id, enabled) VALUES ('half', TRUE)");
                statement.executeUpdate("INSERT INTO APP.PLUGIN_STATE(plugin_id, enabled) VALUES ('half', TRUE)");
            }
            return null;
        }));
        assertEquals(List.of(), strings("SELECT plugin_id FROM APP.PLUGIN_STATE"));
    }

    @Test
    void pluginRunsItsOwnMigrationsAndUsesItsTables() {
        PluginStorage demo = database.pluginStorage("demo");
        assertEquals("PLUGIN_DEMO", demo.schema());
        assertEquals(1, demo.migrate(List.of(NOTES)));
        demo.inTransaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO NOTE(id, text) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "hello");
                return insert.executeUpdate();
            }
        });
        String text = demo.withConnection(connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT text FROM NOTE WHERE id = 1")) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
        assertEquals("hello", text);
        // Unqualified names went to the plugin's own schema.
        assertEquals(List.of("NOTE", "SCHEMA_VERSION"), strings(
                "SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = 'PLUGIN_DEMO' ORDER BY table_name"));
    }

    @Test
    void pluginMigrateIsIdempotentAndAppliesOnlyNewOnes() {
        PluginStorage demo = database.pluginStorage("demo");
        assertEquals(1, demo.migrate(List.of(NOTES)));
        execute(demo, "INSERT INTO NOTE(id, text) VALUES (1, 'one')");
        assertEquals(1, demo.migrate(List.of(NOTES)));
        assertEquals(1, count(demo, "SELECT COUNT(*) FROM SCHEMA_VERSION"));
        // Given in any order, they still run in version order; only version 2 is new.
        assertEquals(2, demo.migrate(List.of(NOTE_COLOUR, NOTES)));
        assertEquals(2, count(demo, "SELECT COUNT(*) FROM SCHEMA_VERSION"));
        assertEquals(1, count(demo, "SELECT COUNT(*) FROM NOTE WHERE colour = 'yellow' AND text = 'one'"));
    }

    @Test
    void pluginDataAndCredentialsSurviveReopening() {
        PluginStorage before = database.pluginStorage("demo");
        before.migrate(List.of(NOTES));
        execute(before, "INSERT INTO NOTE(id, text) VALUES (7, 'seven')");
        reopen();
        PluginStorage after = database.pluginStorage("demo");
        assertEquals(1, after.migrate(List.of(NOTES)));
        assertEquals(1, count(after, "SELECT COUNT(*) FROM NOTE WHERE id = 7"));
        assertEquals(List.of("demo"), strings("SELECT plugin_id FROM APP.PLUGIN_USER"));
    }

    @Test
    void eachPluginGetsItsOwnRandomPassword() {
        database.pluginStorage("one");
        database.pluginStorage("two");
        database.pluginStorage("one");
        List<String> passwords = strings("SELECT password FROM APP.PLUGIN_USER ORDER BY plugin_id");
        assertEquals(2, passwords.size());
        assertNotEquals(passwords.get(0), passwords.get(1));
        assertTrue(passwords.get(0).matches("[0-9a-f]{48}"), passwords.get(0));
    }

    @Test
    void migrationsWithAGapAreRefused() {
        PluginStorage demo = database.pluginStorage("demo");
        Migration three = new Migration(3, "three", "CREATE TABLE THREE(x INT)");
        assertThrows(IllegalArgumentException.class, () -> demo.migrate(List.of(NOTES, three)));
        assertThrows(IllegalArgumentException.class, () -> demo.migrate(List.of(NOTES, NOTES)));
        assertThrows(IllegalArgumentException.class, () -> demo.migrate(List.of(NOTE_COLOUR)));
        // Nothing of the refused lists was applied.
        assertEquals(List.of(), strings(
                "SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = 'PLUGIN_DEMO' AND table_name <> 'SCHEMA_VERSION'"));
    }

    @Test
    void aFailingMigrationRollsBackAndLeavesTheVersion() {
        PluginStorage demo = database.pluginStorage("demo");
        demo.migrate(List.of(NOTES));
        Migration broken = new Migration(2, "half of it works",
                "INSERT INTO NOTE(id, text) VALUES (2, 'from the broken migration');"
                        + "INSERT INTO NOTE(id, text) VALUES ('not a number', 'x')");
        StorageException failure = assertThrows(StorageException.class, () -> demo.migrate(List.of(NOTES, broken)));
        assertInstanceOf(SQLException.class, failure.getCause());
        assertEquals(0, count(demo, "SELECT COUNT(*) FROM NOTE"));
        assertEquals(1, count(demo, "SELECT MAX(version) FROM SCHEMA_VERSION"));

        Migration fixed = new Migration(2, "fixed", "INSERT INTO NOTE(id, text) VALUES (2, 'fixed')");
        assertEquals(2, demo.migrate(List.of(NOTES, fixed)));
        assertEquals(1, count(demo, "SELECT COUNT(*) FROM NOTE WHERE text = 'fixed'"));
    }

    @Test
    void aNewerSchemaThanTheCodeKnowsIsRefused() {
        PluginStorage demo = database.pluginStorage("demo");
        demo.migrate(List.of(NOTES, NOTE_COLOUR));
        assertThrows(IllegalStateException.class, () -> demo.migrate(List.of(NOTES)));
        assertEquals(2, count(demo, "SELECT MAX(version) FROM SCHEMA_VERSION"));
    }

    @Test
    void aPluginCannotReadOrChangeAnotherPluginsTables() {
        PluginStorage one = database.pluginStorage("one");
        PluginStorage two = database.pluginStorage("two");
        one.migrate(List.of(NOTES));
        two.migrate(List.of(new Migration(1, "secrets", "CREATE TABLE SECRET(v VARCHAR(20)); INSERT INTO SECRET VALUES ('two only')")));
        assertEquals(1, count(two, "SELECT COUNT(*) FROM SECRET"));

        assertNoRights(() -> count(one, "SELECT COUNT(*) FROM PLUGIN_TWO.SECRET"));
        assertNoRights(() -> execute(one, "INSERT INTO PLUGIN_TWO.SECRET VALUES ('planted')"));
        assertNoRights(() -> execute(one, "DELETE FROM PLUGIN_TWO.SECRET"));
        assertNoRights(() -> execute(one, "DROP TABLE PLUGIN_TWO.SECRET"));
        assertNoRights(() -> count(one, "SELECT COUNT(*) FROM PLUGIN_TWO.SCHEMA_VERSION"));
        // ...and the other way round.
        assertNoRights(() -> count(two, "SELECT COUNT(*) FROM PLUGIN_ONE.NOTE"));
        assertEquals(List.of("two only"), strings("SELECT v FROM PLUGIN_TWO.SECRET"));
    }

    @Test
    void aPluginCannotReadTheShellsTables() {
        PluginStorage one = database.pluginStorage("one");
        database.pluginStorage("two");
        assertNoRights(() -> count(one, "SELECT COUNT(*) FROM APP.ACCOUNT"));
        assertNoRights(() -> count(one, "SELECT COUNT(*) FROM APP.PLUGIN_USER"));
        assertNoRights(() -> count(one, "SELECT COUNT(*) FROM APP.PINNED_CERTIFICATE"));
        assertNoRights(() -> execute(one, "UPDATE APP.PLUGIN_USER SET password = 'stolen'"));
        assertNoRights(() -> execute(one, "DELETE FROM APP.SCHEMA_VERSION"));
    }

    @Test
    void aPluginCannotCreateTablesOutsideItsSchema() {
        PluginStorage one = database.pluginStorage("one");
        database.pluginStorage("two");
        assertNoRights(() -> execute(one, "CREATE TABLE PLUGIN_TWO.INTRUDER(x INT)"));
        assertNoRights(() -> execute(one, "CREATE TABLE APP.INTRUDER(x INT)"));
        assertNoRights(() -> execute(one, "CREATE TABLE PUBLIC.INTRUDER(x INT)"));
        assertDenied(() -> execute(one, "CREATE SCHEMA ROGUE"), NOT_ENOUGH_RIGHTS, ADMIN_RIGHTS_REQUIRED);
        assertEquals(List.of(), strings("SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE table_name = 'INTRUDER'"));
        assertEquals(List.of(), strings("SELECT schema_name FROM INFORMATION_SCHEMA.SCHEMATA WHERE schema_name = 'ROGUE'"));
    }

    @Test
    void aPluginCannotUseAdministratorCommands() {
        PluginStorage one = database.pluginStorage("one");
        database.pluginStorage("two");
        Path outside = folder.resolve("dump.sql");
        assertDenied(() -> execute(one, "CREATE USER ROGUE PASSWORD 'x' ADMIN"), ADMIN_RIGHTS_REQUIRED);
        assertDenied(() -> execute(one, "ALTER USER PLUGIN_TWO_USER SET PASSWORD 'x'"), ADMIN_RIGHTS_REQUIRED);
        assertDenied(() -> execute(one, "GRANT SELECT ON SCHEMA APP TO PLUGIN_ONE_USER"), ADMIN_RIGHTS_REQUIRED,
                NOT_ENOUGH_RIGHTS);
        assertDenied(() -> execute(one, "SCRIPT TO '" + outside + "'"), ADMIN_RIGHTS_REQUIRED);
        assertDenied(() -> count(one, "SELECT LENGTH(FILE_READ('" + folder.resolve("welljabber.mv.db") + "'))"),
                ADMIN_RIGHTS_REQUIRED);
        assertDenied(() -> execute(one, "CREATE ALIAS ROGUE_EXIT FOR 'java.lang.System.exit'"), ADMIN_RIGHTS_REQUIRED);
        assertFalse(Files.exists(outside));
    }

    @Test
    void pluginSchemaNamesFollowTheId() {
        assertEquals("PLUGIN_SERVER_INFO", database.pluginStorage("server-info").schema());
        assertEquals("PLUGIN_ORG_EXAMPLE_X1", database.pluginStorage("org.example.x1").schema());
    }

    @Test
    void idsThatMapToTheSameSchemaCannotShareIt() {
        PluginStorage dashed = database.pluginStorage("a-b");
        dashed.migrate(List.of(new Migration(1, "s", "CREATE TABLE S(v VARCHAR(9)); INSERT INTO S VALUES ('mine')")));
        for (String impostor : List.of("a.b", "a_b", "A-B")) {
            assertThrows(IllegalArgumentException.class, () -> database.pluginStorage(impostor), impostor);
        }
        reopen();
        PluginStorage again = database.pluginStorage("a-b");
        assertEquals("PLUGIN_A_B", again.schema());
        assertEquals(1, count(again, "SELECT COUNT(*) FROM S WHERE v = 'mine'"));
        assertThrows(IllegalArgumentException.class, () -> database.pluginStorage("a_b"));
        assertEquals(List.of("a-b"), strings("SELECT plugin_id FROM APP.PLUGIN_USER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "A B", "", "1abc", "_x", "x;DROP SCHEMA APP", "x\"", "plugin/../../app", "ü",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"})
    void invalidPluginIdsAreRefused(String id) {
        assertThrows(IllegalArgumentException.class, () -> database.pluginStorage(id));
        assertEquals(List.of(), strings("SELECT plugin_id FROM APP.PLUGIN_USER"));
    }
}
