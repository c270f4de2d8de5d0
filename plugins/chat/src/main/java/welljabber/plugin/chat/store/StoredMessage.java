package welljabber.plugin.chat.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as history keeps it.
 *
 * @param id        the row id
 * @param seq       orders messages that share a time
 * @param key       the conversation
 * @param outgoing  whether we sent it
 * @param resource  the contact's resource it came from or went to, or empty
 * @param body      the text exactly as sent (a {@code /me } prefix included), as last corrected (XEP-0308)
 * @param at        when it was written: the sender's time for delayed messages (XEP-0203), else ours
 * @param stanzaId  the stanza's {@code id}, which receipts and errors refer to
 * @param state     where it stands
 * @param error     for FAILED, why, as a plain sentence
 * @param unread    an incoming message the user has not seen yet
 * @param original  for a corrected message, the text as first sent
 */
public record StoredMessage(long id, long seq, ConversationKey key, boolean outgoing, Optional<String> resource, String body,
        Instant at, Optional<String> stanzaId, DeliveryState state, Optional<String> error, boolean unread, Optional<String> original) {
    public StoredMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(original, "original");
    }

    /**
     * Whether the user has just written it in this client: ours and still in the outbox, as every message
     * written here is stored. Ours from elsewhere (another client's copy, the archive) is stored as sent.
     */
    public boolean writtenHereNow() {
        return outgoing && state == DeliveryState.QUEUED;
    }

    /** Where it sits in its conversation. */
    public HistoryPlace place() {
        return new HistoryPlace(at, seq);
    }

    /** Whether the sender corrected it after sending. */
    public boolean edited() {
        return original.isPresent();
    }

    public StoredMessage withState(DeliveryState newState, Optional<String> newError) {
        return new StoredMessage(id, seq, key, outgoing, resource, body, at, stanzaId, newState, newError, unread, original);
    }
}
