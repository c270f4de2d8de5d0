package welljabber.app.storage;

import java.sql.Connection;
import java.sql.SQLException;

import welljabber.api.storage.SqlWork;

/** Commit-or-roll-back around a piece of SQL work. */
final class Transactions {
    private Transactions() {
    }

    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
