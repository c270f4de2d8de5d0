package welljabber.plugin.roster.model;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import welljabber.api.presence.PresenceKind;

/** How contacts are ordered inside a group. */
public enum SortOrder {
    BY_NAME, BY_PRESENCE;

    /** A comparator for this order; names compare the way the user's language sorts them. */
    public Comparator<Contact> comparator(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        Comparator<Contact> byName = Comparator.comparing(Contact::displayName, collator)
                .thenComparing(contact -> contact.jid().toString());
        return this == BY_NAME ? byName : Comparator.comparingInt((Contact contact) -> rank(contact.kind())).thenComparing(byName);
    }

    /** Most reachable first: free for chat, available, away, do not disturb, extended away, offline. */
    static int rank(PresenceKind kind) {
        return switch (kind) {
            case CHAT -> 0;
            case AVAILABLE -> 1;
            case AWAY -> 2;
            case DO_NOT_DISTURB -> 3;
            case EXTENDED_AWAY -> 4;
            case OFFLINE -> 5;
        };
    }
}
