package welljabber.plugin.roster.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.ResourcePresence;
import welljabber.plugin.roster.model.Subscription;

class PresenceMappingTest {

    private static Presence presence(String from, Presence.Type type, Presence.Mode mode, String status, int priority) {
        return StanzaBuilder.buildPresence().from(JidCreate.fromOrThrowUnchecked(from)).ofType(type).setMode(mode)
                .setStatus(status).setPriority(priority).build();
    }

    @Test
    void aHostileStatusMessageIsCleanedBeforeAnyoneShowsIt() {
        Presence hostile = presence("mallory@x/desk", Presence.Type.available, Presence.Mode.available,
                "Your bank\u202Egnp.exe\nSECOND LINE\u0007", 0);
        assertEquals("Your bankgnp.exe SECOND LINE", PresenceMapping.status(hostile));
        assertEquals("", PresenceMapping.status(presence("a@x/r", Presence.Type.unavailable, Presence.Mode.available, "gone", 0)));
    }

    @Test
    void resourcesComeHighestPriorityFirstAndOfflineOnesAreLeftOut() {
        List<ResourcePresence> resources = PresenceMapping.resources(List.of(
                presence("a@x/desk", Presence.Type.available, Presence.Mode.available, "", 1),
                presence("a@x/phone", Presence.Type.available, Presence.Mode.away, "bus", 5),
                presence("a@x/old", Presence.Type.unavailable, Presence.Mode.available, "", 9)));
        assertEquals(List.of(new ResourcePresence("phone", PresenceKind.AWAY, "bus", 5),
                new ResourcePresence("desk", PresenceKind.AVAILABLE, "", 1)), resources);
    }

    @Test
    void subscriptionTypesMapAndRemoveCountsAsNone() {
        assertEquals(Subscription.BOTH, PresenceMapping.subscription(RosterPacket.ItemType.both, false, false).subscription());
        assertEquals(Subscription.TO, PresenceMapping.subscription(RosterPacket.ItemType.to, false, false).subscription());
        assertEquals(Subscription.FROM, PresenceMapping.subscription(RosterPacket.ItemType.from, true, false).subscription());
        assertEquals(Subscription.NONE, PresenceMapping.subscription(RosterPacket.ItemType.remove, false, false).subscription());
        assertEquals("subscription.pendingOut", PresenceMapping.subscription(RosterPacket.ItemType.none, true, false).labelKey());
    }
}
