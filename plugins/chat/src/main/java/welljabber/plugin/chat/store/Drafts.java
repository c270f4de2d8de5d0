package welljabber.plugin.chat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import welljabber.api.storage.PluginStorage;

/** What the user had typed in a conversation and not sent, kept across closing its tab and restarting. */
public final class Drafts {
    private final PluginStorage storage;

    public Drafts(PluginStorage storage) {
        this.storage = storage;
    }

    public Optional<String> of(ConversationKey key) {
        return storage.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT TEXT FROM DRAFT WHERE ACCOUNT = ? AND PEER = ?")) {
                select.setString(1, key.account().value());
                select.setString(2, key.peer().toString());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Keeps {@code text} as the conversation's draft; a blank one leaves no draft. */
    public void save(ConversationKey key, String text) {
        storage.withConnection(connection -> {
            boolean blank = text == null || text.isBlank();
            try (PreparedStatement change = connection.prepareStatement(blank
                    ? "DELETE FROM DRAFT WHERE ACCOUNT = ? AND PEER = ?"
                    : "MERGE INTO DRAFT (ACCOUNT, PEER, TEXT) KEY (ACCOUNT, PEER) VALUES (?, ?, ?)")) {
                change.setString(1, key.account().value());
                change.setString(2, key.peer().toString());
                if (!blank) {
                    change.setString(3, text);
                }
                return change.executeUpdate();
            }
        });
    }
}
