package welljabber.plugin.chat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import welljabber.api.account.AccountId;
import welljabber.api.storage.PluginStorage;

/**
 * Corrections of our own messages (XEP-0308), kept so that none is lost when the connection is not
 * there: a message still in the outbox simply gets its new text (the contact never saw the old one);
 * one that already left is corrected in history and its correction waits here, under the id it will
 * be sent with, until the server has taken it.
 */
public final class OwnCorrections {
    private final PluginStorage storage;

    public OwnCorrections(PluginStorage storage) {
        this.storage = storage;
    }

    /** A correction to send: the corrected message as history has it now, and the correction's stanza id. */
    public record Pending(StoredMessage message, String correctionId) {
    }

    /**
     * Gives a message of ours that has not left yet its new text. False when it is no longer in the
     * outbox (it went out meanwhile): then it needs a correction.
     */
    public boolean rewriteQueued(long messageId, String newBody) {
        return storage.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE MESSAGE SET BODY = ? WHERE ID = ? AND OUTGOING AND STATE = ?")) {
                update.setString(1, newBody);
                update.setLong(2, messageId);
                update.setString(3, DeliveryState.QUEUED.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Corrects our message in history and records that the correction {@code correctionId} still has to
     * go out, in one transaction. Empty when there is no such message of ours.
     */
    public Optional<StoredMessage> correct(StoredMessage ours, String newBody, String correctionId) {
        if (!ours.outgoing() || ours.stanzaId().isEmpty()) {
            return Optional.empty();
        }
        return storage.inTransaction(connection -> {
            Optional<StoredMessage> corrected = MessageStore.correct(connection, ours.key(), true, ours.stanzaId().get(), newBody);
            if (corrected.isPresent()) {
                try (PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO PENDING_CORRECTION (MESSAGE_ID, CORRECTION_ID) KEY (MESSAGE_ID) VALUES (?, ?)")) {
                    merge.setLong(1, corrected.get().id());
                    merge.setString(2, correctionId);
                    merge.executeUpdate();
                }
            }
            return corrected;
        });
    }

    /** The account's corrections still to send, in the order their messages were written. */
    public List<Pending> pending(AccountId account) {
        return storage.withConnection(connection -> {
            Map<Long, String> correctionIds = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT P.MESSAGE_ID, P.CORRECTION_ID FROM PENDING_CORRECTION P JOIN MESSAGE M ON M.ID = P.MESSAGE_ID
                    WHERE M.ACCOUNT = ? ORDER BY M.AT_MILLIS, M.SEQ""")) {
                select.setString(1, account.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        correctionIds.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            List<Pending> pending = new ArrayList<>();
            for (Map.Entry<Long, String> entry : correctionIds.entrySet()) {
                MessageStore.byId(connection, entry.getKey()).ifPresent(message -> pending.add(new Pending(message, entry.getValue())));
            }
            return pending;
        });
    }

    /**
     * The server took correction {@code correctionId}. A newer correction of the same message that was
     * made meanwhile stays pending.
     */
    public void taken(long messageId, String correctionId) {
        storage.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM PENDING_CORRECTION WHERE MESSAGE_ID = ? AND CORRECTION_ID = ?")) {
                delete.setLong(1, messageId);
                delete.setString(2, correctionId);
                return delete.executeUpdate();
            }
        });
    }
}
