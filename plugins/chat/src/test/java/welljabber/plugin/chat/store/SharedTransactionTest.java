package welljabber.plugin.chat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import welljabber.api.storage.StorageException;
import welljabber.testsupport.storage.H2TestStorage;

class SharedTransactionTest {
    private final H2TestStorage storage = H2TestStorage.inMemory();

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void workThatFailsHalfWayIsUndoneAloneAndTheRestIsCommittedTogether() {
        storage.withConnection(connection -> connection.createStatement().execute("CREATE TABLE NOTE (TEXT VARCHAR PRIMARY KEY)"));
        storage.inTransaction(connection -> {
            SharedTransaction shared = new SharedTransaction(storage.schema(), connection);
            shared.withConnection(c -> insert(c.createStatement(), "first"));
            assertThrows(StorageException.class, () -> shared.inTransaction(c -> {
                insert(c.createStatement(), "half of a failed change");
                return insert(c.createStatement(), "first"); // the primary key refuses it
            }));
            shared.inTransaction(c -> insert(c.createStatement(), "last"));
            assertEquals(List.of(), notes(), "nothing is visible outside before the commit");
            return null;
        });
        assertEquals(List.of("first", "last"), notes());
    }

    private static int insert(Statement statement, String text) throws SQLException {
        try (statement) {
            return statement.executeUpdate("INSERT INTO NOTE VALUES ('" + text + "')");
        }
    }

    private List<String> notes() {
        return storage.withConnection(connection -> {
            List<String> texts = new ArrayList<>();
            try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery("SELECT TEXT FROM NOTE ORDER BY TEXT")) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        });
    }
}
