package welljabber.plugin.roster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.api.presence.PresenceKind;

class ContactTest {
    private static final AccountId ME = new AccountId("me");

    @Test
    void aDeviceAddressWorksForPeopleAndForGatewaysWithoutALocalPart() {
        Contact alice = RosterLayoutTest.contact(ME, "alice@example.org", "Alice", PresenceKind.AVAILABLE);
        Contact gateway = RosterLayoutTest.contact(ME, "icq.example.org", "", PresenceKind.AVAILABLE);
        assertEquals("alice@example.org/phone", alice.resourceJid("phone").toString());
        assertEquals("icq.example.org/registered", gateway.resourceJid("registered").toString());
        assertEquals("icq.example.org", gateway.displayName(), "no name: the address is shown");
    }

    @Test
    void blockingHidesPresenceAndOnlyMutualOrToSubscriptionsAreTrusted() {
        Contact alice = RosterLayoutTest.contact(ME, "alice@example.org", "Alice", PresenceKind.AWAY)
                .withPresence(PresenceKind.AWAY, "lunch", List.of(new ResourcePresence("desk", PresenceKind.AWAY, "lunch", 1)));
        Contact blocked = alice.withBlocked(true);
        assertFalse(blocked.online());
        assertEquals("", blocked.status());
        assertTrue(blocked.resources().isEmpty());
        assertFalse(blocked.presenceTrusted());
        assertTrue(alice.presenceTrusted());
        Contact fromOnly = alice.withRosterItem("Alice", List.of(), new SubscriptionState(Subscription.FROM, false, false, false));
        assertFalse(fromOnly.presenceTrusted(), "they see me, I do not see them");
    }
}
