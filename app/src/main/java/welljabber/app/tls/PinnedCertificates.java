package welljabber.app.tls;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import welljabber.api.account.AccountId;
import welljabber.app.storage.Database;

/**
 * Certificates the user trusted for an account: "always" ones pinned in the database by
 * fingerprint, "once" ones kept in memory until the app closes.
 */
public final class PinnedCertificates {
    private final Database database;
    private final Set<String> trustedForSession = ConcurrentHashMap.newKeySet();

    public PinnedCertificates(Database database) {
        this.database = database;
    }

    public boolean isTrusted(AccountId account, String sha256) {
        return trustedForSession.contains(key(account, sha256)) || isPinned(account, sha256);
    }

    public boolean isPinned(AccountId account, String sha256) {
        return database.inTransaction(connection -> {
            try (var query = connection.prepareStatement(
                    "SELECT 1 FROM APP.PINNED_CERTIFICATE WHERE account_id = ? AND sha256 = ?")) {
                query.setString(1, account.value());
                query.setString(2, sha256);
                try (var rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public void trustForSession(AccountId account, String sha256) {
        trustedForSession.add(key(account, sha256));
    }

    public void pin(AccountId account, String sha256, String subject) {
        database.inTransaction(connection -> {
            try (var merge = connection.prepareStatement(
                    "MERGE INTO APP.PINNED_CERTIFICATE(account_id, sha256, subject) KEY(account_id, sha256) VALUES (?, ?, ?)")) {
                merge.setString(1, account.value());
                merge.setString(2, sha256);
                merge.setString(3, subject.length() > 1024 ? subject.substring(0, 1024) : subject);
                return merge.executeUpdate();
            }
        });
    }

    private static String key(AccountId account, String sha256) {
        return account.value() + '|' + sha256;
    }
}
