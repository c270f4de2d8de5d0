package welljabber.app.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.storage.Database;

/** Accounts in the shell's {@code APP.ACCOUNT} table. Call off the FX thread. */
public final class AccountRepository {
    private final Database database;

    public AccountRepository(Database database) {
        this.database = database;
    }

    public List<Account> all() {
        return database.inTransaction(connection -> {
            List<Account> accounts = new ArrayList<>();
            try (var statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM APP.ACCOUNT ORDER BY position, jid")) {
                while (rows.next()) {
                    accounts.add(read(rows));
                }
            }
            return accounts;
        });
    }

    public Optional<Account> find(AccountId id) {
        return all().stream().filter(account -> account.id().equals(id)).findFirst();
    }

    /** Inserts or updates {@code account}. */
    public void save(Account account) {
        database.inTransaction(connection -> {
            boolean exists;
            try (var find = connection.prepareStatement("SELECT 1 FROM APP.ACCOUNT WHERE id = ?")) {
                find.setString(1, account.id().value());
                try (var rows = find.executeQuery()) {
                    exists = rows.next();
                }
            }
            String sql = exists
                    ? "UPDATE APP.ACCOUNT SET jid=?, resource=?, priority=?, host=?, port=?, tls_mode=?, connect_at_start=?, "
                            + "remember_password=?, presence=?, status_message=? WHERE id=?"
                    : "INSERT INTO APP.ACCOUNT(jid, resource, priority, host, port, tls_mode, connect_at_start, "
                            + "remember_password, presence, status_message, id, position) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM APP.ACCOUNT))";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                bind(write, account);
                write.executeUpdate();
            }
            return null;
        });
    }

    public void delete(AccountId id) {
        database.inTransaction(connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM APP.ACCOUNT WHERE id = ?")) {
                delete.setString(1, id.value());
                return delete.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement write, Account account) throws SQLException {
        write.setString(1, account.jid().toString());
        write.setString(2, account.resource());
        write.setInt(3, account.priority());
        write.setString(4, account.host().orElse(null));
        if (account.port().isPresent()) {
            write.setInt(5, account.port().get());
        } else {
            write.setNull(5, Types.INTEGER);
        }
        write.setString(6, account.tlsMode().name());
        write.setBoolean(7, account.connectAtStart());
        write.setBoolean(8, account.rememberPassword());
        write.setString(9, account.presence().kind().name());
        write.setString(10, account.presence().status());
        write.setString(11, account.id().value());
    }

    private static Account read(ResultSet rows) throws SQLException {
        try {
            int port = rows.getInt("port");
            Optional<Integer> portValue = rows.wasNull() ? Optional.empty() : Optional.of(port);
            return new Account(new AccountId(rows.getString("id")), JidCreate.entityBareFrom(rows.getString("jid")),
                    rows.getString("resource"), rows.getInt("priority"), Optional.ofNullable(rows.getString("host")),
                    portValue, TlsMode.valueOf(rows.getString("tls_mode")), rows.getBoolean("connect_at_start"),
                    rows.getBoolean("remember_password"),
                    new OwnPresence(PresenceKind.valueOf(rows.getString("presence")), rows.getString("status_message")));
        } catch (XmppStringprepException e) {
            throw new SQLException("A stored account has an invalid JID", e);
        }
    }

}
