package welljabber.plugin.chat.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import welljabber.api.storage.PluginStorage;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoppableWrites;
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
    /** Indexing runs on threads of its own, and the database must not close under one of its transactions. */
    private final StoppableWrites writes = new StoppableWrites();

    public SearchIndex(PluginStorage storage, MessageStore store) {
        this.storage = storage;
        this.store = store;
    }

    /** Indexes messages stored since the last call, a batch at a time; returns how many. Background thread. */
    public int catchUp() {
        int total = 0;
        int done;
        do {
            done = writes.run(this::indexBatch).orElse(0);
            total += done;
        } while (done == BATCH);
        return total;
    }

    /**
     * Starts no more indexing and waits up to {@code patience} for the batch under way: the database closes
     * next. True when none is. What is left waits in the index's queue for the next start.
     */
    public boolean stop(Duration patience) throws InterruptedException {
        return writes.stop(patience);
    }

    private int indexBatch() {
        return storage.inTransaction(connection -> {
            lock(connection);
            List<Long> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            // A message deleted meanwhile (its account removed) has no body: it only leaves the queue.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT p.MESSAGE_ID, m.BODY FROM SEARCH_PENDING p LEFT JOIN MESSAGE m ON m.ID = p.MESSAGE_ID"
                            + " ORDER BY p.MESSAGE_ID LIMIT " + BATCH);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    bodies.add(rows.getString(2));
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO SEARCH_TOKEN (TOKEN, MESSAGE_ID) KEY (TOKEN, MESSAGE_ID) VALUES (?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    if (bodies.get(i) == null) {
                        continue;
                    }
                    for (String token : SearchTokens.of(bodies.get(i))) {
                        insert.setString(1, token);
                        insert.setLong(2, ids.get(i));
                        insert.addBatch();
                        counts.merge(token, 1, Integer::sum);
                    }
                }
                insert.executeBatch();
            }
            WordCounts.add(connection, counts);
            try (PreparedStatement done = connection.prepareStatement("DELETE FROM SEARCH_PENDING WHERE MESSAGE_ID = ANY(?)")) {
                done.setObject(1, ids.toArray(Long[]::new));
                done.executeUpdate();
            }
            return ids.size();
        });
    }

    /** A corrected message is found by its new text (and no longer by words only the old one had). */
    public void reindex(StoredMessage message) {
        writes.run(() -> storage.inTransaction(connection -> {
            // Serialised with indexBatch by this lock: a message the batches have not reached yet is left to
            // them (they read its corrected text), so its words are never indexed, or counted, twice.
            lock(connection);
            if (waiting(connection, message.id())) {
                return null;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SEARCH_TOKEN WHERE MESSAGE_ID = ?")) {
                delete.setLong(1, message.id());
                delete.executeUpdate();
            }
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO SEARCH_TOKEN (TOKEN, MESSAGE_ID) KEY (TOKEN, MESSAGE_ID) VALUES (?, ?)")) {
                for (String token : SearchTokens.of(message.body())) {
                    insert.setString(1, token);
                    insert.setLong(2, message.id());
                    insert.addBatch();
                    counts.put(token, 1);
                }
                insert.executeBatch();
            }
            WordCounts.add(connection, counts);
            return null;
        }));
    }

    /** Indexing and re-indexing one at a time: the index's state row, locked until the caller's transaction ends. */
    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT LAST_INDEXED FROM SEARCH_STATE WHERE ID = 1 FOR UPDATE");
                ResultSet rows = select.executeQuery()) {
            rows.next();
        }
    }

    private static boolean waiting(Connection connection, long messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM SEARCH_PENDING WHERE MESSAGE_ID = ?")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The newest {@code limit} messages containing every word of {@code query}; empty for a query without
     * words. The rarest word drives the lookup ({@link SearchPlan}): its postings are read newest first
     * from SEARCH_TOKEN_NEWEST and the other words are checked per posting, so the database stops as soon
     * as it has {@code limit} hits instead of collecting and sorting every posting of the word. Messages
     * stored but not indexed yet are searched too ({@link #notIndexedYet}).
     */
    public List<StoredMessage> search(String query, int limit) {
        Set<String> words = SearchTokens.of(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Long> ids = storage.withConnection(connection -> {
            // The queue first: a batch indexing a message meanwhile takes it off the queue in the same commit
            // that adds its words, so read in this order the message is in one of the two, or in both.
            List<Long> waiting = notIndexedYet(connection, words, limit);
            return newestFirst(waiting, indexed(connection, words, limit), limit);
        });
        return store.byIds(ids);
    }

    /**
     * The newest {@code limit} of the messages waiting for the index that have every word: indexing waits
     * for a pause in a burst (up to seconds, {@link QuietPeriod}), and a message that has just come must
     * be found all the same. The queue is short (what came in the last seconds), so its texts are read
     * and split here, as the index would split them.
     */
    private static List<Long> notIndexedYet(Connection connection, Set<String> words, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.MESSAGE_ID, m.BODY FROM SEARCH_PENDING p"
                + " JOIN MESSAGE m ON m.ID = p.MESSAGE_ID ORDER BY p.MESSAGE_ID DESC");
                ResultSet rows = select.executeQuery()) {
            while (ids.size() < limit && rows.next()) {
                if (SearchTokens.hasAll(rows.getString(2), words)) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Two lists of ids, each newest (highest) first, as one without repeats, at most {@code limit} long. */
    private static List<Long> newestFirst(List<Long> some, List<Long> others, int limit) {
        return java.util.stream.Stream.concat(some.stream(), others.stream()).distinct()
                .sorted(java.util.Comparator.reverseOrder()).limit(limit).toList();
    }

    /** The newest {@code limit} indexed messages having every word, from the index alone. */
    private static List<Long> indexed(Connection connection, Set<String> words, int limit) throws SQLException {
        List<String> tokens = SearchPlan.rarestFirst(words, WordCounts.of(connection, words));
        StringBuilder sql = new StringBuilder("SELECT t.MESSAGE_ID FROM SEARCH_TOKEN t USE INDEX (SEARCH_TOKEN_NEWEST) WHERE t.TOKEN = ?");
        for (int i = 1; i < tokens.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM SEARCH_TOKEN u").append(i).append(" WHERE u").append(i)
                    .append(".TOKEN = ? AND u").append(i).append(".MESSAGE_ID = t.MESSAGE_ID)");
        }
        // TOKEN repeated in ORDER BY (constant here): H2 reads rows in index order only when the ORDER BY
        // starts at the index's first column (as MessageStore's page queries do).
        sql.append(" ORDER BY t.TOKEN, t.MESSAGE_ID DESC LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String token : tokens) {
                select.setString(index++, token);
            }
            select.setInt(index, limit);
            return ids(select);
        }
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
