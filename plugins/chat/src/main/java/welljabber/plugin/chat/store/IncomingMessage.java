package welljabber.plugin.chat.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from a contact, as read off the wire, before it is stored.
 *
 * @param key      the conversation (the sender's bare address)
 * @param resource the sender's resource, or empty
 * @param body     the text
 * @param at       the sender's time when the message was delayed (XEP-0203), else when it arrived
 * @param stanzaId the stanza's {@code id}, or empty
 * @param originId the sender's stable id (XEP-0359 origin-id), or empty
 */
public record IncomingMessage(ConversationKey key, Optional<String> resource, String body, Instant at,
        Optional<String> stanzaId, Optional<String> originId) {
    public IncomingMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(originId, "originId");
    }
}
