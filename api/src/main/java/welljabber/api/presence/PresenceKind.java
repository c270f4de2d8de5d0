package welljabber.api.presence;

import org.jivesoftware.smack.packet.Presence;

/** Presence as users pick it and see it, mapped to RFC 6121 availability and "show" values. */
public enum PresenceKind {
    AVAILABLE,
    CHAT,
    AWAY,
    EXTENDED_AWAY,
    DO_NOT_DISTURB,
    OFFLINE;

    /** What a presence stanza says, in these words; anything not available (or none) is {@link #OFFLINE}. */
    public static PresenceKind of(Presence presence) {
        if (presence == null || !presence.isAvailable()) {
            return OFFLINE;
        }
        return switch (presence.getMode()) {
            case chat -> CHAT;
            case away -> AWAY;
            case xa -> EXTENDED_AWAY;
            case dnd -> DO_NOT_DISTURB;
            case available -> AVAILABLE;
        };
    }

    /** The "show" value to send for this kind; {@link #OFFLINE} has none and maps to plain available. */
    public Presence.Mode mode() {
        return switch (this) {
            case CHAT -> Presence.Mode.chat;
            case AWAY -> Presence.Mode.away;
            case EXTENDED_AWAY -> Presence.Mode.xa;
            case DO_NOT_DISTURB -> Presence.Mode.dnd;
            case AVAILABLE, OFFLINE -> Presence.Mode.available;
        };
    }
}
