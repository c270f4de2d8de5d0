package welljabber.plugin.chat.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two copies of a message the same message (the same message can reach us twice: the
 * sender resends after a lost receipt, offline storage and the archive both deliver it). In order of
 * trust: the sender's stable origin-id (XEP-0359), the stanza id, and only when a message carries
 * neither, a digest of sender, time and body.
 */
public final class DedupeKey {
    /** Ids longer than this are digested so the key always fits its column. */
    static final int MAX_ID_LENGTH = 200;

    private DedupeKey() {
    }

    public static String of(WireMessage message) {
        if (message.originId().filter(id -> !id.isBlank()).isPresent()) {
            return "o:" + bounded(message.originId().orElseThrow());
        }
        if (message.stanzaId().filter(id -> !id.isBlank()).isPresent()) {
            return "i:" + bounded(message.stanzaId().orElseThrow());
        }
        return "h:" + sha256(message.key().peer() + "\n" + message.at().toEpochMilli() + "\n" + message.body());
    }

    /** Our own messages carry an origin-id we made, the same as their stanza id. */
    public static String ofOutgoing(String originId) {
        return "o:" + bounded(originId);
    }

    private static String bounded(String id) {
        return id.length() <= MAX_ID_LENGTH ? id : "#" + sha256(id);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
