package welljabber.plugin.chat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import welljabber.api.account.AccountId;
import welljabber.api.storage.PluginStorage;

/**
 * Stretches of the server's archive that catching up left out: after a long absence it takes the
 * newest pages first and stops after a limit, and what lies between those pages and what history had
 * would otherwise never come (scrolling only asks for what is older than a conversation's oldest
 * message). Each gap is where to go on: the archive id to ask for what came before, and the order
 * number to give the messages found there, counting down, so they sort below the pages already taken.
 */
public final class ArchiveGaps {
    private final PluginStorage storage;

    public ArchiveGaps(PluginStorage storage) {
        this.storage = storage;
    }

    /** What the archive may still hold older than {@code beforeId}, down to what history had. */
    public record Gap(long id, AccountId account, String beforeId, long belowSeq) {
    }

    public void open(AccountId account, String beforeId, long belowSeq) {
        storage.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ARCHIVE_GAP (ACCOUNT, BEFORE_ID, BELOW_SEQ) VALUES (?, ?, ?)")) {
                insert.setString(1, account.value());
                insert.setString(2, beforeId);
                insert.setLong(3, belowSeq);
                return insert.executeUpdate();
            }
        });
    }

    /** The account's gaps, the newest first: the messages nearest to what the user reads now come first. */
    public List<Gap> of(AccountId account) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ID, BEFORE_ID, BELOW_SEQ FROM ARCHIVE_GAP WHERE ACCOUNT = ? ORDER BY ID DESC")) {
                select.setString(1, account.value());
                List<Gap> gaps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        gaps.add(new Gap(rows.getLong(1), account, rows.getString(2), rows.getLong(3)));
                    }
                }
                return gaps;
            }
        });
    }

    /** Part of the gap was filled: it now ends before {@code beforeId}. */
    public void narrowed(long gapId, String beforeId, long belowSeq) {
        storage.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ARCHIVE_GAP SET BEFORE_ID = ?, BELOW_SEQ = ? WHERE ID = ?")) {
                update.setString(1, beforeId);
                update.setLong(2, belowSeq);
                update.setLong(3, gapId);
                return update.executeUpdate();
            }
        });
    }

    /** Filled, or the archive cannot fill it any more. */
    public void closed(long gapId) {
        storage.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ARCHIVE_GAP WHERE ID = ?")) {
                delete.setLong(1, gapId);
                return delete.executeUpdate();
            }
        });
    }
}
