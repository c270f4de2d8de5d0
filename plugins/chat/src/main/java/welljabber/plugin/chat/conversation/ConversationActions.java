package welljabber.plugin.chat.conversation;

import java.util.Optional;
import java.util.OptionalInt;

import org.jivesoftware.smackx.chatstates.ChatState;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.StoredMessage;

/** What a conversation asks of the rest of the plugin; every method is called on a background thread. */
public interface ConversationActions {

    /** Stores and sends a message (through the outbox); false when it could not be stored, and so was not sent. */
    boolean send(ConversationKey key, Optional<String> resource, String text);

    /** Corrects our message {@code original} (sent now, or when the account is back); false when it could not be kept. */
    boolean correct(StoredMessage original, String text);

    /** Our newest message in the conversation, the one the user may correct. */
    Optional<StoredMessage> lastOutgoing(ConversationKey key);

    /**
     * Fetches from the server's archive the page of the conversation before {@code oldest} (the newest
     * page when history has none), into history. Returns how many messages were new, 0 when the archive
     * has no more; empty when it cannot be asked now.
     */
    OptionalInt backFill(ConversationKey key, Optional<StoredMessage> oldest);

    /** Tells the contact we are typing, paused or active, if the user lets us. */
    void typing(ConversationKey key, ChatState state);
}
