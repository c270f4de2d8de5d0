package welljabber.api.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;

class PresenceKindTest {

    private static Presence presence(Presence.Type type, Presence.Mode mode) {
        return StanzaBuilder.buildPresence().ofType(type).setMode(mode).build();
    }

    @Test
    void everyShowValueHasItsKindAndAnythingUnavailableIsOffline() {
        assertEquals(PresenceKind.CHAT, PresenceKind.of(presence(Presence.Type.available, Presence.Mode.chat)));
        assertEquals(PresenceKind.AVAILABLE, PresenceKind.of(presence(Presence.Type.available, Presence.Mode.available)));
        assertEquals(PresenceKind.AWAY, PresenceKind.of(presence(Presence.Type.available, Presence.Mode.away)));
        assertEquals(PresenceKind.EXTENDED_AWAY, PresenceKind.of(presence(Presence.Type.available, Presence.Mode.xa)));
        assertEquals(PresenceKind.DO_NOT_DISTURB, PresenceKind.of(presence(Presence.Type.available, Presence.Mode.dnd)));
        assertEquals(PresenceKind.OFFLINE, PresenceKind.of(presence(Presence.Type.unavailable, Presence.Mode.available)));
        assertEquals(PresenceKind.OFFLINE, PresenceKind.of(presence(Presence.Type.subscribe, Presence.Mode.available)));
        assertEquals(PresenceKind.OFFLINE, PresenceKind.of(null));
    }

    @Test
    void everyKindButOfflineSurvivesTheRoundTripThroughItsShowValue() {
        for (PresenceKind kind : PresenceKind.values()) {
            PresenceKind back = PresenceKind.of(presence(Presence.Type.available, kind.mode()));
            assertEquals(kind == PresenceKind.OFFLINE ? PresenceKind.AVAILABLE : kind, back, kind.name());
        }
    }
}
