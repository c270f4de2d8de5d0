package welljabber.plugin.chat.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two copies of a message the same message (the same message can reach us twice: the
 * sender resends after a lost receipt, offline storage and the archive both deliver it). In order of
 * trust: the sender's stable origin-id (XEP-0359), the stanza id with the body, and only when a message
 * carries neither, a digest of sender, time and body.
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
            // The id attribute need only be unique within the sender's stream (RFC 6120 8.1.3), and clients that
            // count from 1 each session reuse it: alone, it made a new message look like one already stored, and
            // it was acknowledged and never shown. A copy sent again has the same text as well.
            return "i:" + bounded(message.stanzaId().orElseThrow()) + ":" + bodyDigest(message.body());
        }
        return "h:" + sha256(message.key().peer() + "\n" + message.at().toEpochMilli() + "\n" + message.body());
    }

    /** Our own messages carry an origin-id we made, the same as their stanza id. */
    public static String ofOutgoing(String originId) {
        return "o:" + bounded(originId);
    }

    /**
     * The first 16 hex digits of the SHA-256 of the body's UTF-8 bytes; ChatSchema's migration 25 computes the
     * same in SQL for the keys stored before.
     */
    static String bodyDigest(String body) {
        return sha256(body).substring(0, 16);
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
