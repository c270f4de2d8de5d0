package welljabber.plugin.chat.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many messages have each indexed word (SEARCH_WORD), kept up by indexing: what lets a search
 * start from its rarest word. Only an ordering hint: a corrected message's old words are not
 * counted down, so a count may be a little high, never the reason a message is not found.
 */
final class WordCounts {
    private WordCounts() {
    }

    /** Adds {@code added} (word to how many more messages have it) in the caller's transaction. */
    static void add(Connection connection, Map<String, Integer> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("""
                MERGE INTO SEARCH_WORD w USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS BIGINT))) n(TOKEN, DOCS)
                ON w.TOKEN = n.TOKEN
                WHEN MATCHED THEN UPDATE SET DOCS = w.DOCS + n.DOCS
                WHEN NOT MATCHED THEN INSERT (TOKEN, DOCS) VALUES (n.TOKEN, n.DOCS)""")) {
            for (Map.Entry<String, Integer> word : added.entrySet()) {
                merge.setString(1, word.getKey());
                merge.setLong(2, word.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** The counts of {@code tokens}; a word no message has is left out. */
    static Map<String, Long> of(Connection connection, Collection<String> tokens) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT TOKEN, DOCS FROM SEARCH_WORD WHERE TOKEN = ANY(?)")) {
            select.setObject(1, tokens.toArray(String[]::new));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
