package welljabber.plugin.chat.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import welljabber.api.storage.PluginStorage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Full-text search over every conversation: an index of {@link SearchTokens} to message ids in the
 * plugin's schema, filled behind history (messages are stored first, indexed moments later in
 * batches, so indexing never slows receiving). A search finds messages that contain all of the
 * query's words, newest first.
 */
public final class SearchIndex {
    /** Messages indexed per transaction. */
    static final int BATCH = 500;

    private final PluginStorage storage;
    private final MessageStore store;

    public SearchIndex(PluginStorage storage, MessageStore store) {
        this.storage = storage;
        this.store = store;
    }

    /** Indexes messages stored since the last call, a batch at a time; returns how many. Background thread. */
    public int catchUp() {
        int total = 0;
        int done;
        do {
            done = indexBatch();
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int indexBatch() {
        return storage.inTransaction(connection -> {
            long last;
            try (PreparedStatement select = connection.prepareStatement("SELECT LAST_INDEXED FROM SEARCH_STATE WHERE ID = 1 FOR UPDATE");
                    ResultSet rows = select.executeQuery()) {
                last = rows.next() ? rows.getLong(1) : 0;
            }
            List<Long> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ID, BODY FROM MESSAGE WHERE ID > ? ORDER BY ID LIMIT " + BATCH)) {
                select.setLong(1, last);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        bodies.add(rows.getString(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO SEARCH_TOKEN (TOKEN, MESSAGE_ID) KEY (TOKEN, MESSAGE_ID) VALUES (?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    for (String token : SearchTokens.of(bodies.get(i))) {
                        insert.setString(1, token);
                        insert.setLong(2, ids.get(i));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "MERGE INTO SEARCH_STATE (ID, LAST_INDEXED) KEY (ID) VALUES (1, ?)")) {
                update.setLong(1, ids.getLast());
                update.executeUpdate();
            }
            return ids.size();
        });
    }

    /** A corrected message is found by its new text (and no longer by words only the old one had). */
    public void reindex(StoredMessage message) {
        storage.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SEARCH_TOKEN WHERE MESSAGE_ID = ?")) {
                delete.setLong(1, message.id());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO SEARCH_TOKEN (TOKEN, MESSAGE_ID) KEY (TOKEN, MESSAGE_ID) VALUES (?, ?)")) {
                for (String token : SearchTokens.of(message.body())) {
                    insert.setString(1, token);
                    insert.setLong(2, message.id());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * The newest {@code limit} messages containing every word of {@code query}; empty for a query without
     * words. The longest word drives the lookup (long words are rarer), the others are checked per hit.
     */
    public List<StoredMessage> search(String query, int limit) {
        List<String> tokens = new ArrayList<>(SearchTokens.of(query));
        if (tokens.isEmpty()) {
            return List.of();
        }
        tokens.sort((a, b) -> Integer.compare(b.length(), a.length()));
        StringBuilder sql = new StringBuilder("SELECT t.MESSAGE_ID FROM SEARCH_TOKEN t WHERE t.TOKEN = ?");
        for (int i = 1; i < tokens.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM SEARCH_TOKEN u").append(i).append(" WHERE u").append(i)
                    .append(".TOKEN = ? AND u").append(i).append(".MESSAGE_ID = t.MESSAGE_ID)");
        }
        sql.append(" ORDER BY t.MESSAGE_ID DESC LIMIT ?");
        List<Long> ids = storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int index = 1;
                for (String token : tokens) {
                    select.setString(index++, token);
                }
                select.setInt(index, limit);
                return ids(select);
            }
        });
        return store.byIds(ids);
    }

    private static List<Long> ids(PreparedStatement select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
