package welljabber.plugin.chat.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message read off the wire, before it is stored: a contact's, or one of ours that another of our
 * clients sent (a carbon copy, XEP-0280, or an archived copy).
 *
 * @param key      the conversation (the contact's bare address)
 * @param outgoing whether we sent it (from another client of ours)
 * @param resource the contact's resource it came from or went to, or empty
 * @param body     the text
 * @param at       the sender's time when the message was delayed (XEP-0203), else when it arrived
 * @param stanzaId the stanza's {@code id}, or empty
 * @param originId the sender's stable id (XEP-0359 origin-id), or empty
 * @param serverId the id our own server's archive gave it (XEP-0359 stanza-id by our address, or the
 *                 MAM result id), or empty
 */
public record WireMessage(ConversationKey key, boolean outgoing, Optional<String> resource, String body, Instant at,
        Optional<String> stanzaId, Optional<String> originId, Optional<String> serverId) {
    public WireMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(originId, "originId");
        Objects.requireNonNull(serverId, "serverId");
    }
}
