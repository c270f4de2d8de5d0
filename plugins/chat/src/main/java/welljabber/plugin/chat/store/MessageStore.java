package welljabber.plugin.chat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.api.account.AccountId;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.StorageException;

/**
 * History in the plugin's H2 schema. Every method blocks on the database: call it off the FX thread.
 * A message is written here before it is shown as sent and before a receipt for it goes out.
 */
public final class MessageStore {
    /** H2's SQLSTATE for a unique index violation: the message is already stored. */
    private static final String DUPLICATE = "23505";
    private static final String COLUMNS =
            "ID, SEQ, ACCOUNT, PEER, OUTGOING, RESOURCE, BODY, AT_MILLIS, STANZA_ID, STATE, ERROR, UNREAD, ORIGINAL_BODY";

    /**
     * The first time window {@link #after} looks into for the end of a page; it grows eightfold until it
     * holds one, so a page of a busy minute takes one step and one after a year's silence about nine.
     */
    private static final long AFTER_FIRST_WINDOW_MILLIS = 60_000;

    private final PluginStorage storage;

    public MessageStore(PluginStorage storage) {
        this.storage = storage;
    }

    /**
     * Runs {@code work} with a store whose every call goes into one transaction, committed when
     * {@code work} returns and undone if it or the commit throws. A burst of arrivals written this way
     * costs one commit instead of one per message: with WRITE_DELAY 0 each commit writes to the file,
     * which profiling put at about half the cost of storing a message.
     */
    public <T> T inOneTransaction(Function<MessageStore, T> work) {
        return storage.inTransaction(connection -> work.apply(new MessageStore(new SharedTransaction(storage.schema(), connection))));
    }

    /** Where catching up from the archive stopped short, in the same history. */
    public ArchiveGaps archiveGaps() {
        return new ArchiveGaps(storage);
    }

    /** Our corrections, in the same history. */
    public OwnCorrections ownCorrections() {
        return new OwnCorrections(storage);
    }

    /** Creates or upgrades the tables. */
    public void migrate() {
        storage.migrate(ChatSchema.migrations());
    }

    /**
     * Stores a message from the network: a contact's (RECEIVED, unread), or one of ours sent from another
     * client (SENT). Empty when the same message was stored before.
     */
    public Optional<StoredMessage> insertWire(WireMessage message) {
        return insertWire(message, false, OptionalLong.empty(), true);
    }

    /**
     * {@link #insertWire(WireMessage)}; {@code seen}: the user is looking at its conversation as it is
     * stored, so a contact's message is stored as read.
     */
    public Optional<StoredMessage> insertWire(WireMessage message, boolean seen) {
        return insertWire(message, seen, OptionalLong.empty(), true);
    }

    /**
     * {@link #insertWire(WireMessage)} for a message found by back-filling from the archive, older than
     * the whole conversation, with an explicit order among messages of the same instant: take
     * {@link #lowestSeq} before a page and give its messages, oldest first, numbers below it. Its time
     * is kept as the archive stamped it.
     */
    public Optional<StoredMessage> insertOlder(WireMessage message, long seq) {
        return insertOlder(message, false, seq);
    }

    /** {@link #insertOlder(WireMessage, long)}, stored as read when {@code seen}. */
    public Optional<StoredMessage> insertOlder(WireMessage message, boolean seen, long seq) {
        return insertWire(message, seen, OptionalLong.of(seq), false);
    }

    /**
     * {@link #insertWire(WireMessage)} for a message found catching up from the archive, missed while
     * away, numbered with {@link #reserveSeqs} so that messages of one second keep the archive's order.
     */
    public Optional<StoredMessage> insertMissed(WireMessage message, boolean seen, long seq) {
        return insertWire(message, seen, OptionalLong.of(seq), true);
    }

    /**
     * Gives a message another time, keeping its order number: catching up found it placed above one it
     * came after in the archive ({@code ArchiveOrder} in the protocol package). Returns it as it is now.
     */
    public Optional<StoredMessage> moveTo(long id, Instant at) {
        return storage.inTransaction(connection -> {
            try (PreparedStatement move = connection.prepareStatement("UPDATE MESSAGE SET AT_MILLIS = ? WHERE ID = ?")) {
                move.setLong(1, at.toEpochMilli());
                move.setLong(2, id);
                move.executeUpdate();
            }
            return byId(connection, id);
        });
    }

    /**
     * Where history has this message (the same one, by {@link DedupeKey}) if it stored it in this session
     * ({@link #sessionStarted}): what came since may carry our clock's milliseconds in a second the archive
     * stamps whole, while older history keeps the place {@link PlaceInItsSecond} and earlier catch-ups gave.
     */
    public Optional<HistoryPlace> placeInThisSession(WireMessage message) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT AT_MILLIS, SEQ FROM MESSAGE WHERE ACCOUNT = ?1 AND PEER = ?2 AND OUTGOING = ?3 AND DEDUPE_KEY = ?4
                    AND ID > COALESCE((SELECT LAST_ID FROM SESSION_START WHERE ACCOUNT = ?1), 9223372036854775807)""")) {
                select.setString(1, message.key().account().value());
                select.setString(2, message.key().peer().toString());
                select.setBoolean(3, message.outgoing());
                select.setString(4, DedupeKey.of(message));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new HistoryPlace(Instant.ofEpochMilli(rows.getLong(1)), rows.getLong(2)))
                            : Optional.<HistoryPlace>empty();
                }
            }
        });
    }

    /**
     * A new session of {@code account} starts at {@code now}: what history holds now came before anything
     * the server kept for us while we were away ({@link PlaceInItsSecond}). Call before the session's
     * first message.
     */
    public void sessionStarted(AccountId account, Instant now) {
        storage.withConnection(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("""
                    MERGE INTO SESSION_START (ACCOUNT, LAST_ID, STARTED_MILLIS, PREVIOUS_STARTED_MILLIS) KEY (ACCOUNT)
                    VALUES (?1, (SELECT COALESCE(MAX(ID), 0) FROM MESSAGE), ?2,
                    (SELECT STARTED_MILLIS FROM SESSION_START WHERE ACCOUNT = ?1))""")) {
                mark.setString(1, account.value());
                mark.setLong(2, now.toEpochMilli());
                return mark.executeUpdate();
            }
        });
    }

    /** The lowest order number in the conversation (for back-filling below it), or a start value when empty. */
    public long lowestSeq(ConversationKey key) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COALESCE(MIN(SEQ), NEXT VALUE FOR MESSAGE_ORDER) FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ?")) {
                select.setString(1, key.account().value());
                select.setString(2, key.peer().toString());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /**
     * Takes {@code count} order numbers from the shared sequence for messages found newest first (catching
     * up from the archive) and returns the highest. Numbering each page just below the page after it, from
     * here down, puts them above every message stored before and below every one stored after (those take
     * later numbers), so messages of the same second keep the archive's order across pages.
     */
    public long reserveSeqs(int count) {
        return storage.withConnection(connection -> {
            try (PreparedStatement reserve = connection.prepareStatement(
                    "SELECT MAX(N) FROM (SELECT NEXT VALUE FOR MESSAGE_ORDER AS N FROM SYSTEM_RANGE(1, ?))")) {
                reserve.setInt(1, Math.max(1, count));
                try (ResultSet rows = reserve.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** {@code placeInItsSecond}: {@link PlaceInItsSecond} may move it within its second (not when back-filled). */
    private Optional<StoredMessage> insertWire(WireMessage message, boolean seen, OptionalLong seq, boolean placeInItsSecond) {
        String dedupeKey = DedupeKey.of(message);
        Optional<StoredMessage> stored = insert(message.key(), message.outgoing(), message.resource(), message.body(),
                message.at(), placeInItsSecond, message.stanzaId(), dedupeKey, message.serverId(),
                message.outgoing() ? DeliveryState.SENT : DeliveryState.RECEIVED, !message.outgoing() && !seen, seq);
        if (stored.isEmpty() && message.serverId().isPresent()) {
            rememberServerId(message, dedupeKey);
        }
        return stored;
    }

    /** A copy we already had now tells us its archive id: keep it, so catching up can start after it. */
    private void rememberServerId(WireMessage message, String dedupeKey) {
        storage.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE MESSAGE SET SERVER_ID = ? WHERE ACCOUNT = ? AND PEER = ? AND OUTGOING = ? AND DEDUPE_KEY = ?
                    AND SERVER_ID IS NULL""")) {
                update.setString(1, message.serverId().orElseThrow());
                update.setString(2, message.key().account().value());
                update.setString(3, message.key().peer().toString());
                update.setBoolean(4, message.outgoing());
                update.setString(5, dedupeKey);
                return update.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE.equals(e.getSQLState())) {
                    return 0; // another row already carries this archive id
                }
                throw e;
            }
        });
    }

    /** The archive id of the account's newest message that has one: catching up asks for what came after it. */
    public Optional<String> newestServerId(AccountId account) {
        return serverId("SELECT SERVER_ID FROM MESSAGE WHERE ACCOUNT = ? AND SERVER_ID IS NOT NULL"
                + " ORDER BY AT_MILLIS DESC, SEQ DESC LIMIT 1", account.value(), null);
    }

    /** The archive id of the conversation's oldest message that has one: back-filling asks for what came before it. */
    public Optional<String> oldestServerId(ConversationKey key) {
        return serverId("SELECT SERVER_ID FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND SERVER_ID IS NOT NULL"
                + " ORDER BY AT_MILLIS, SEQ LIMIT 1", key.account().value(), key.peer().toString());
    }

    private Optional<String> serverId(String sql, String account, String peer) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, account);
                if (peer != null) {
                    select.setString(2, peer);
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Applies a correction (XEP-0308) to the message with {@code replacedStanzaId} in this conversation and
     * direction: only the sender of a message can correct it, so a contact's correction never touches ours.
     * The first text is kept. Empty when there is no such message.
     */
    public Optional<StoredMessage> correct(ConversationKey key, boolean outgoing, String replacedStanzaId, String newBody) {
        return storage.inTransaction(connection -> correct(connection, key, outgoing, replacedStanzaId, newBody));
    }

    /** {@link #correct(ConversationKey, boolean, String, String)} inside a caller's transaction. */
    static Optional<StoredMessage> correct(Connection connection, ConversationKey key, boolean outgoing, String replacedStanzaId,
            String newBody) throws SQLException {
        Optional<StoredMessage> target;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND OUTGOING = ? AND STANZA_ID = ? FOR UPDATE")) {
            select.setString(1, key.account().value());
            select.setString(2, key.peer().toString());
            select.setBoolean(3, outgoing);
            select.setString(4, replacedStanzaId);
            target = read(select).stream().findFirst();
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE MESSAGE SET ORIGINAL_BODY = COALESCE(ORIGINAL_BODY, BODY), BODY = ? WHERE ID = ?")) {
            update.setString(1, newBody);
            update.setLong(2, target.get().id());
            update.executeUpdate();
        }
        return byId(connection, target.get().id());
    }

    /** Our newest message in the conversation: what the user may correct. */
    public Optional<StoredMessage> lastOutgoing(ConversationKey key) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND OUTGOING ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC LIMIT 1")) {
                select.setString(1, key.account().value());
                select.setString(2, key.peer().toString());
                return read(select).stream().findFirst();
            }
        });
    }

    /** Puts a message of ours in the outbox (QUEUED); {@code id} is both its stanza id and its origin-id. */
    public StoredMessage insertOutgoing(ConversationKey key, Optional<String> resource, String body, Instant at, String id) {
        return insert(key, true, resource, body, at, false, Optional.of(id), DedupeKey.ofOutgoing(id), Optional.empty(),
                DeliveryState.QUEUED, false, OptionalLong.empty())
                .orElseThrow(() -> new StorageException("An outgoing message id was used twice: " + id, null));
    }

    /**
     * {@code placeInItsSecond}: {@code at} came from the network, perhaps in whole seconds only, and the
     * message is placed within its second ({@link PlaceInItsSecond}). Duplicates are told apart by
     * {@code dedupeKey}, made from the time as it came.
     */
    private Optional<StoredMessage> insert(ConversationKey key, boolean outgoing, Optional<String> resource, String body,
            Instant at, boolean placeInItsSecond, Optional<String> stanzaId, String dedupeKey, Optional<String> serverId,
            DeliveryState state, boolean unread, OptionalLong givenSeq) {
        String seq = givenSeq.isPresent() ? Long.toString(givenSeq.getAsLong()) : "NEXT VALUE FOR MESSAGE_ORDER";
        // With its place in the search index's queue, in the same transaction: see SEARCH_PENDING in ChatSchema.
        return storage.inTransaction(connection -> {
            Instant placed = placeInItsSecond ? PlaceInItsSecond.of(connection, key, at) : at;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO MESSAGE (ACCOUNT, PEER, OUTGOING, RESOURCE, BODY, AT_MILLIS, STANZA_ID, DEDUPE_KEY, STATE, UNREAD,
                    SERVER_ID, SEQ) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, """ + seq + ")",
                    new String[] {"ID", "SEQ"})) {
                insert.setString(1, key.account().value());
                insert.setString(2, key.peer().toString());
                insert.setBoolean(3, outgoing);
                setOptional(insert, 4, resource);
                insert.setString(5, body);
                insert.setLong(6, placed.toEpochMilli());
                setOptional(insert, 7, stanzaId);
                insert.setString(8, dedupeKey);
                insert.setString(9, state.name());
                insert.setBoolean(10, unread);
                setOptional(insert, 11, serverId);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (DUPLICATE.equals(e.getSQLState())) {
                        return Optional.<StoredMessage>empty();
                    }
                    throw e;
                }
                StoredMessage stored;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    stored = new StoredMessage(keys.getLong(1), keys.getLong(2), key, outgoing, resource, body,
                            Instant.ofEpochMilli(placed.toEpochMilli()), stanzaId, state, Optional.empty(), unread, Optional.empty());
                }
                try (PreparedStatement toIndex = connection.prepareStatement("INSERT INTO SEARCH_PENDING (MESSAGE_ID) VALUES (?)")) {
                    toIndex.setLong(1, stored.id());
                    toIndex.executeUpdate();
                }
                return Optional.of(stored);
            }
        });
    }

    /** The newest {@code limit} messages of a conversation, oldest first. */
    public List<StoredMessage> newest(ConversationKey key, int limit) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC LIMIT ?")) {
                select.setString(1, key.account().value());
                select.setString(2, key.peer().toString());
                select.setInt(3, limit);
                List<StoredMessage> page = read(select);
                Collections.reverse(page);
                return page;
            }
        });
    }

    /**
     * The {@code limit} messages just before {@code first}, oldest first (scrolling up). The condition is
     * written as a range on AT_MILLIS plus a filter, which H2 serves from the MESSAGE_PAGE index; the
     * equivalent "(AT_MILLIS < ? OR (AT_MILLIS = ? AND SEQ < ?))" made it read the whole conversation.
     * ORDER BY repeats ACCOUNT and PEER (constant here): H2 reads rows in index order only when the
     * ORDER BY columns are the index's from its first one; without them it read and sorted the whole
     * conversation (100,001 rows scanned, 330 ms for 100,000 messages; now 101 rows).
     */
    public List<StoredMessage> before(StoredMessage first, int limit) {
        return page(first.key(), first.at().toEpochMilli(), first.seq(), limit);
    }

    private List<StoredMessage> page(ConversationKey key, long atMillis, long seq, int limit) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + """
                     FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND AT_MILLIS <= ? AND (AT_MILLIS < ? OR SEQ < ?)
                    ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC LIMIT ?""")) {
                select.setString(1, key.account().value());
                select.setString(2, key.peer().toString());
                select.setLong(3, atMillis);
                select.setLong(4, atMillis);
                select.setLong(5, seq);
                select.setInt(6, limit);
                List<StoredMessage> page = read(select);
                Collections.reverse(page);
                return page;
            }
        });
    }

    /**
     * The {@code limit} messages just after {@code last}, oldest first (scrolling down after a jump). H2
     * walks MESSAGE_PAGE newest first only, so a page read oldest first read and sorted everything after
     * {@code last} (90,000 rows for a page near the start of 100,000 messages). Instead, the page's end is
     * found newest first inside a time window after {@code last} (a range of the index; only the time and
     * order columns are read), the window growing until it holds a page; the page is then read as a span.
     */
    public List<StoredMessage> after(StoredMessage last, int limit) {
        ConversationKey key = last.key();
        long from = last.at().toEpochMilli();
        return storage.withConnection(connection -> {
            try (PreparedStatement ends = connection.prepareStatement("""
                    SELECT AT_MILLIS, SEQ FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND AT_MILLIS <= ?
                    AND AT_MILLIS >= ? AND (AT_MILLIS > ? OR SEQ > ?)
                    ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC""")) {
                ends.setString(1, key.account().value());
                ends.setString(2, key.peer().toString());
                ends.setLong(4, from);
                ends.setLong(5, from);
                ends.setLong(6, last.seq());
                for (long window = AFTER_FIRST_WINDOW_MILLIS; ; window = window > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : window * 8) {
                    long to = from > Long.MAX_VALUE - window ? Long.MAX_VALUE : from + window;
                    ends.setLong(3, to);
                    List<long[]> newestFirst = new ArrayList<>();
                    try (ResultSet rows = ends.executeQuery()) {
                        while (rows.next()) {
                            newestFirst.add(new long[] {rows.getLong(1), rows.getLong(2)});
                        }
                    }
                    if (newestFirst.size() >= limit || to == Long.MAX_VALUE) {
                        if (newestFirst.isEmpty()) {
                            return List.<StoredMessage>of();
                        }
                        long[] end = newestFirst.get(Math.max(0, newestFirst.size() - limit));
                        return inSpan(connection, key, new HistorySpan(from, last.seq(), end[0], end[1]));
                    }
                }
            }
        });
    }

    /**
     * The whole conversation as it is now, cut into spans of about {@code size} messages, oldest span
     * first: export reads it span by span instead of all at once. H2 walks MESSAGE_PAGE newest first
     * only; a page read oldest first made it scan the rest of the conversation each time (95,001 rows
     * for one page of 500 out of 100,000), so the cuts are found newest first, reading only where each
     * span starts, and every span is then read as a range of the index ({@link #inSpan}).
     */
    public List<HistorySpan> spans(ConversationKey key, int size) {
        return storage.withConnection(connection -> {
            List<HistorySpan> spans = new ArrayList<>();
            try (PreparedStatement newest = connection.prepareStatement("""
                    SELECT AT_MILLIS, SEQ FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ?
                    ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC LIMIT 1""");
                    PreparedStatement cut = connection.prepareStatement("""
                    SELECT AT_MILLIS, SEQ FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND AT_MILLIS <= ? AND (AT_MILLIS < ? OR SEQ <= ?)
                    ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC LIMIT 1 OFFSET ?""")) {
                newest.setString(1, key.account().value());
                newest.setString(2, key.peer().toString());
                long toAt;
                long toSeq;
                try (ResultSet rows = newest.executeQuery()) {
                    if (!rows.next()) {
                        return spans;
                    }
                    toAt = rows.getLong(1);
                    toSeq = rows.getLong(2);
                }
                cut.setString(1, key.account().value());
                cut.setString(2, key.peer().toString());
                cut.setInt(6, size);
                while (true) {
                    cut.setLong(3, toAt);
                    cut.setLong(4, toAt);
                    cut.setLong(5, toSeq);
                    try (ResultSet rows = cut.executeQuery()) {
                        if (!rows.next()) {
                            spans.add(HistorySpan.upTo(toAt, toSeq));
                            break;
                        }
                        long afterAt = rows.getLong(1);
                        long afterSeq = rows.getLong(2);
                        spans.add(new HistorySpan(afterAt, afterSeq, toAt, toSeq));
                        toAt = afterAt;
                        toSeq = afterSeq;
                    }
                }
            }
            Collections.reverse(spans);
            return spans;
        });
    }

    /** The messages of one span of {@link #spans}, oldest first. */
    public List<StoredMessage> inSpan(ConversationKey key, HistorySpan span) {
        return storage.withConnection(connection -> inSpan(connection, key, span));
    }

    private static List<StoredMessage> inSpan(Connection connection, ConversationKey key, HistorySpan span) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + """
                 FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND AT_MILLIS <= ? AND (AT_MILLIS < ? OR SEQ <= ?)
                AND AT_MILLIS >= ? AND (AT_MILLIS > ? OR SEQ > ?)
                ORDER BY ACCOUNT, PEER, AT_MILLIS DESC, SEQ DESC""")) {
            select.setString(1, key.account().value());
            select.setString(2, key.peer().toString());
            select.setLong(3, span.toAtMillis());
            select.setLong(4, span.toAtMillis());
            select.setLong(5, span.toSeq());
            select.setLong(6, span.afterAtMillis());
            select.setLong(7, span.afterAtMillis());
            select.setLong(8, span.afterSeq());
            List<StoredMessage> messages = read(select);
            Collections.reverse(messages);
            return messages;
        }
    }

    /** These messages, in the order of {@code ids}; ids no longer stored are left out. */
    public List<StoredMessage> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ID = ANY(?)")) {
                select.setObject(1, ids.toArray(Long[]::new));
                Map<Long, StoredMessage> found = new java.util.HashMap<>();
                read(select).forEach(message -> found.put(message.id(), message));
                return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
            }
        });
    }

    public Optional<StoredMessage> byId(long id) {
        return storage.withConnection(connection -> byId(connection, id));
    }

    /** Our message to {@code peer} with this stanza id: what a receipt or an error from that contact answers. */
    public Optional<StoredMessage> outgoing(AccountId account, BareJid peer, String stanzaId) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ACCOUNT = ? AND PEER = ? AND STANZA_ID = ? AND OUTGOING")) {
                select.setString(1, account.value());
                select.setString(2, peer.toString());
                select.setString(3, stanzaId);
                return read(select).stream().findFirst();
            }
        });
    }

    /**
     * Moves a message to {@code next} if its current state allows it ({@link DeliveryState#mayBecome});
     * returns the changed message, or empty when nothing changed (a late or repeated answer).
     */
    public Optional<StoredMessage> changeState(long id, DeliveryState next, Optional<String> error) {
        return storage.inTransaction(connection -> {
            Optional<StoredMessage> current;
            try (PreparedStatement lock = connection.prepareStatement("SELECT " + COLUMNS + " FROM MESSAGE WHERE ID = ? FOR UPDATE")) {
                lock.setLong(1, id);
                current = read(lock).stream().findFirst();
            }
            if (current.isEmpty() || !current.get().state().mayBecome(next)) {
                return Optional.<StoredMessage>empty();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE MESSAGE SET STATE = ?, ERROR = ? WHERE ID = ?")) {
                update.setString(1, next.name());
                setOptional(update, 2, error);
                update.setLong(3, id);
                update.executeUpdate();
            }
            return Optional.of(current.get().withState(next, error));
        });
    }

    /** The account's outbox, oldest first. */
    public List<StoredMessage> queued(AccountId account) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ACCOUNT = ? AND STATE = 'QUEUED' ORDER BY ID")) {
                select.setString(1, account.value());
                return read(select);
            }
        });
    }

    /**
     * At start-up, messages that were handed to a connection of an earlier run but never confirmed by the
     * server go back to the outbox: that connection and its resend queue died with the process. The peer's
     * client recognises a resent copy by its origin-id.
     */
    public int requeueUnconfirmed() {
        return storage.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE MESSAGE SET STATE = 'QUEUED' WHERE STATE = 'SENDING'")) {
                return update.executeUpdate();
            }
        });
    }

    /**
     * The account's connection was given up (the user disconnected, or changed the account): what it was
     * sending and the server had not confirmed goes back to the outbox, since Smack drops a closed
     * connection's resend queue. Returns the messages put back.
     */
    public List<StoredMessage> requeueUnconfirmed(AccountId account) {
        return storage.inTransaction(connection -> {
            List<StoredMessage> sending;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM MESSAGE WHERE ACCOUNT = ? AND STATE = 'SENDING' ORDER BY ID")) {
                select.setString(1, account.value());
                sending = read(select);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE MESSAGE SET STATE = 'QUEUED' WHERE ACCOUNT = ? AND STATE = 'SENDING'")) {
                update.setString(1, account.value());
                update.executeUpdate();
            }
            return sending.stream().map(message -> message.withState(DeliveryState.QUEUED, Optional.empty())).toList();
        });
    }

    /** Marks the conversation read; returns how many messages were unread. */
    public int markRead(ConversationKey key) {
        return storage.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE MESSAGE SET UNREAD = FALSE WHERE ACCOUNT = ? AND PEER = ? AND UNREAD = TRUE")) {
                update.setString(1, key.account().value());
                update.setString(2, key.peer().toString());
                return update.executeUpdate();
            }
        });
    }

    /** Every conversation with unread messages and how many. */
    public Map<ConversationKey, Integer> unreadCounts() {
        return storage.withConnection(connection -> {
            Map<ConversationKey, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ACCOUNT, PEER, COUNT(*) FROM MESSAGE WHERE UNREAD GROUP BY ACCOUNT, PEER");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(new ConversationKey(new AccountId(rows.getString(1)), bareJid(rows.getString(2))), rows.getInt(3));
                }
            }
            return counts;
        });
    }

    static Optional<StoredMessage> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM MESSAGE WHERE ID = ?")) {
            select.setLong(1, id);
            return read(select).stream().findFirst();
        }
    }

    private static List<StoredMessage> read(PreparedStatement select) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ConversationKey key = new ConversationKey(new AccountId(rows.getString("ACCOUNT")), bareJid(rows.getString("PEER")));
                messages.add(new StoredMessage(rows.getLong("ID"), rows.getLong("SEQ"), key, rows.getBoolean("OUTGOING"),
                        Optional.ofNullable(rows.getString("RESOURCE")), rows.getString("BODY"),
                        Instant.ofEpochMilli(rows.getLong("AT_MILLIS")), Optional.ofNullable(rows.getString("STANZA_ID")),
                        DeliveryState.valueOf(rows.getString("STATE")), Optional.ofNullable(rows.getString("ERROR")),
                        rows.getBoolean("UNREAD"), Optional.ofNullable(rows.getString("ORIGINAL_BODY"))));
            }
        }
        return messages;
    }

    private static BareJid bareJid(String stored) throws SQLException {
        try {
            return JidCreate.bareFrom(stored);
        } catch (XmppStringprepException e) {
            throw new SQLException("A stored address is not a JID: " + stored, e);
        }
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
