package welljabber.app.presence;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;

import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;

/** Turns the user's chosen presence into the RFC 6121 presence stanza that says it. */
public final class PresenceStanzas {
    private PresenceStanzas() {
    }

    public static Presence build(XMPPConnection connection, OwnPresence presence, int priority) {
        var builder = connection.getStanzaFactory().buildPresenceStanza();
        if (presence.kind() == PresenceKind.OFFLINE) {
            builder.ofType(Presence.Type.unavailable);
        } else {
            builder.ofType(Presence.Type.available).setMode(mode(presence.kind())).setPriority(priority);
        }
        if (!presence.status().isBlank()) {
            builder.setStatus(presence.status());
        }
        return builder.build();
    }

    public static Presence.Mode mode(PresenceKind kind) {
        return switch (kind) {
            case CHAT -> Presence.Mode.chat;
            case AWAY -> Presence.Mode.away;
            case EXTENDED_AWAY -> Presence.Mode.xa;
            case DO_NOT_DISTURB -> Presence.Mode.dnd;
            case AVAILABLE, OFFLINE -> Presence.Mode.available;
        };
    }

    /** The reverse, for what contacts send us. */
    public static PresenceKind kindOf(Presence presence) {
        if (presence == null || !presence.isAvailable()) {
            return PresenceKind.OFFLINE;
        }
        return switch (presence.getMode()) {
            case chat -> PresenceKind.CHAT;
            case away -> PresenceKind.AWAY;
            case xa -> PresenceKind.EXTENDED_AWAY;
            case dnd -> PresenceKind.DO_NOT_DISTURB;
            case available -> PresenceKind.AVAILABLE;
        };
    }
}
