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
            builder.ofType(Presence.Type.available).setMode(presence.kind().mode()).setPriority(priority);
        }
        if (!presence.status().isBlank()) {
            builder.setStatus(presence.status());
        }
        return builder.build();
    }
}
