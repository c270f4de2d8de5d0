package welljabber.plugin.roster.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.packet.RosterPacket.Item;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.storage.PluginStorage;
import welljabber.api.storage.StorageException;

/**
 * Smack's roster store (the basis of roster versioning, XEP-0237) kept in the plugin's H2 tables
 * instead of Smack's {@code DirectoryRosterStore}, whose one-file-per-contact layout would mean
 * 5,000 files per account and no transaction around a full reset.
 *
 * <p>Smack calls the store on its reader thread while the roster loads, so the store answers from
 * memory and writes behind on {@code writer} (one serial executor): a 5,000-item roster costs the
 * login a map copy, and the database catches up a moment later. If the process dies before that,
 * the next login simply sends the old version and the server sends what changed (or everything).
 */
public final class PersistentRosterStore implements RosterStore {
    private static final System.Logger LOG = System.getLogger(PersistentRosterStore.class.getName());

    private final AccountId account;
    private final PluginStorage storage;
    private final Executor writer;
    private final Map<BareJid, Item> items = new LinkedHashMap<>();
    private String version = "";

    private PersistentRosterStore(AccountId account, PluginStorage storage, Executor writer) {
        this.account = account;
        this.storage = storage;
        this.writer = writer;
    }

    /** Reads the account's stored roster; blocking, call off the FX thread. */
    public static PersistentRosterStore open(AccountId account, PluginStorage storage, Executor writer) {
        PersistentRosterStore store = new PersistentRosterStore(account, storage, writer);
        store.load();
        return store;
    }

    @Override
    public synchronized List<Item> getEntries() {
        return new ArrayList<>(items.values());
    }

    @Override
    public synchronized Item getEntry(Jid bareJid) {
        return items.get(bareJid.asBareJid());
    }

    @Override
    public synchronized String getRosterVersion() {
        return version;
    }

    @Override
    public synchronized boolean addEntry(Item item, String newVersion) {
        items.put(item.getJid(), item);
        version = nullToEmpty(newVersion);
        Item copy = copy(item);
        String v = version;
        writeBehind(() -> write(connection -> {
            upsert(connection, copy);
            saveVersion(connection, v);
        }));
        return true;
    }

    @Override
    public synchronized boolean resetEntries(Collection<Item> fresh, String newVersion) {
        items.clear();
        for (Item item : fresh) {
            items.put(item.getJid(), item);
        }
        version = nullToEmpty(newVersion);
        List<Item> copies = fresh.stream().map(PersistentRosterStore::copy).toList();
        String v = version;
        writeBehind(() -> write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ROSTER_ITEM WHERE ACCOUNT = ?")) {
                delete.setString(1, account.value());
                delete.executeUpdate();
            }
            insertAll(connection, copies);
            saveVersion(connection, v);
        }));
        return true;
    }

    @Override
    public synchronized boolean removeEntry(Jid bareJid, String newVersion) {
        items.remove(bareJid.asBareJid());
        version = nullToEmpty(newVersion);
        String jid = bareJid.asBareJid().toString();
        String v = version;
        writeBehind(() -> write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ROSTER_ITEM WHERE ACCOUNT = ? AND JID = ?")) {
                delete.setString(1, account.value());
                delete.setString(2, jid);
                delete.executeUpdate();
            }
            saveVersion(connection, v);
        }));
        return true;
    }

    @Override
    public synchronized void resetStore() {
        items.clear();
        version = "";
        writeBehind(() -> write(connection -> forget(connection, account)));
    }

    /** Deletes what is stored for {@code account}, as when the user removes the account. */
    public static void forget(PluginStorage storage, AccountId account) {
        storage.inTransaction(connection -> {
            forget(connection, account);
            return null;
        });
    }

    private static void forget(Connection connection, AccountId account) throws SQLException {
        for (String table : List.of("ROSTER_ITEM", "ROSTER_VERSION")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ACCOUNT = ?")) {
                delete.setString(1, account.value());
                delete.executeUpdate();
            }
        }
    }

    private synchronized void load() {
        storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT VERSION FROM ROSTER_VERSION WHERE ACCOUNT = ?")) {
                select.setString(1, account.value());
                try (ResultSet rows = select.executeQuery()) {
                    version = rows.next() ? rows.getString(1) : "";
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT JID, NAME, SUBSCRIPTION, ASK, APPROVED, GROUPS FROM ROSTER_ITEM WHERE ACCOUNT = ?")) {
                select.setString(1, account.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        readItem(rows);
                    }
                }
            }
            return null;
        });
    }

    private void readItem(ResultSet rows) throws SQLException {
        try {
            Item item = new Item(JidCreate.bareFromOrThrowUnchecked(rows.getString(1)), rows.getString(2));
            item.setItemType(RosterPacket.ItemType.fromString(rows.getString(3)));
            item.setSubscriptionPending(rows.getBoolean(4));
            item.setApproved(rows.getBoolean(5));
            Array groups = rows.getArray(6);
            for (Object group : (Object[]) groups.getArray()) {
                item.addGroupName((String) group);
            }
            items.put(item.getJid(), item);
        } catch (IllegalArgumentException corrupt) {
            // A row we cannot read would otherwise block every login: drop the version so the
            // server sends the full roster, which rewrites the store.
            LOG.log(System.Logger.Level.WARNING, "Ignoring an unreadable stored roster item; asking for the full roster", corrupt);
            version = "";
        }
    }

    private void insertAll(Connection connection, List<Item> all) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ROSTER_ITEM (ACCOUNT, JID, NAME, SUBSCRIPTION, ASK, APPROVED, GROUPS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Item item : all) {
                bind(connection, insert, item);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void upsert(Connection connection, Item item) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO ROSTER_ITEM (ACCOUNT, JID, NAME, SUBSCRIPTION, ASK, APPROVED, GROUPS) KEY (ACCOUNT, JID) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(connection, merge, item);
            merge.executeUpdate();
        }
    }

    private void bind(Connection connection, PreparedStatement statement, Item item) throws SQLException {
        statement.setString(1, account.value());
        statement.setString(2, item.getJid().toString());
        statement.setString(3, item.getName());
        statement.setString(4, item.getItemType().name());
        statement.setBoolean(5, item.isSubscriptionPending());
        statement.setBoolean(6, item.isApproved());
        statement.setArray(7, connection.createArrayOf("VARCHAR", item.getGroupNames().toArray()));
    }

    private void saveVersion(Connection connection, String v) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO ROSTER_VERSION (ACCOUNT, VERSION) KEY (ACCOUNT) VALUES (?, ?)")) {
            merge.setString(1, account.value());
            merge.setString(2, v);
            merge.executeUpdate();
        }
    }

    private void write(SqlStatements work) {
        try {
            storage.inTransaction(connection -> {
                work.run(connection);
                return null;
            });
        } catch (StorageException e) {
            // The roster itself is fine in memory; only the next login's version is at stake.
            LOG.log(System.Logger.Level.WARNING, "Could not save the roster of " + account + "; the next login fetches it whole", e);
        }
    }

    /**
     * Queues a write. After the plugin stopped, Smack may still hold this store until the account's
     * connection is replaced; writes are then dropped, which costs the next login a full roster,
     * not a wrong one (the stored version stays that of the stored items).
     */
    private void writeBehind(Runnable write) {
        try {
            writer.execute(write);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "Roster store of " + account + " closed; a write was dropped");
        }
    }

    /** Smack items are mutable; the writer thread gets its own copy. */
    private static Item copy(Item item) {
        Item copy = new Item(item.getJid(), item.getName(), item.isSubscriptionPending());
        copy.setItemType(item.getItemType());
        copy.setApproved(item.isApproved());
        item.getGroupNames().forEach(copy::addGroupName);
        return copy;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @FunctionalInterface
    private interface SqlStatements {
        void run(Connection connection) throws SQLException;
    }
}
