package welljabber.plugin.roster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.api.presence.PresenceKind;

class ContactBookTest {
    private static final AccountId ME = new AccountId("me");
    private static final AccountId OTHER = new AccountId("other");

    @Test
    void aRosterReloadKeepsUnreadCountsBlockMarksAndPresenceButDropsContactsNoLongerThere() {
        ContactBook book = new ContactBook();
        AtomicInteger changes = new AtomicInteger();
        book.onChange(changes::incrementAndGet);
        Contact alice = RosterLayoutTest.contact(ME, "alice@example.org", "Alice", PresenceKind.AWAY, "Friends");
        Contact bob = RosterLayoutTest.contact(ME, "bob@example.org", "Bob", PresenceKind.AVAILABLE);
        Contact carol = RosterLayoutTest.contact(ME, "carol@example.org", "Carol", PresenceKind.OFFLINE);
        Contact elsewhere = RosterLayoutTest.contact(OTHER, "bob@example.org", "Bob", PresenceKind.OFFLINE);
        book.replaceAccount(ME, List.of(alice, bob, carol));
        book.replaceAccount(OTHER, List.of(elsewhere));
        book.update(alice.key(), contact -> contact.withUnread(2));
        book.update(bob.key(), contact -> contact.withBlocked(true));

        Contact renamed = Contact.offline(alice.key(), "Alice Liddell", List.of("Family"), SubscriptionState.BOTH);
        book.replaceAccount(ME, List.of(renamed, Contact.offline(bob.key(), "Bob", List.of(), SubscriptionState.BOTH)));

        Contact now = book.get(alice.key()).orElseThrow();
        assertEquals("Alice Liddell", now.name());
        assertEquals(List.of("Family"), now.groups());
        assertEquals(2, now.unread());
        assertEquals(PresenceKind.AWAY, now.kind());
        Contact blocked = book.get(bob.key()).orElseThrow();
        assertTrue(blocked.blocked());
        assertEquals(PresenceKind.OFFLINE, blocked.kind(), "a blocked contact shows offline");
        assertFalse(book.get(carol.key()).isPresent());
        assertTrue(book.get(elsewhere.key()).isPresent(), "another account's contacts stay");
        assertEquals(5, changes.get());
        assertEquals(5, book.version());
    }

    @Test
    void updatesToUnknownContactsChangeNothing() {
        ContactBook book = new ContactBook();
        Contact ghost = RosterLayoutTest.contact(ME, "ghost@example.org", "", PresenceKind.OFFLINE);
        assertFalse(book.update(ghost.key(), contact -> contact.withUnread(5)));
        assertEquals(0, book.version());
        book.remove(ghost.key());
        assertEquals(0, book.version());
    }
}
