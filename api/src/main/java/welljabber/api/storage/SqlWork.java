package welljabber.api.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a database connection that may fail with an {@link SQLException}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
