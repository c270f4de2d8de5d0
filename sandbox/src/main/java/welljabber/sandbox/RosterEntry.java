package welljabber.sandbox;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One item of a pre-written roster.
 *
 * @param jid          the contact's bare JID, for example {@code "bob@localhost"} (the contact need not exist)
 * @param name         the display name, or {@code null} for none
 * @param subscription the subscription state
 * @param groups       the roster groups, in order; may be empty
 * @param askSubscribe whether an outgoing subscription request is pending ({@code ask="subscribe"})
 */
public record RosterEntry(String jid, String name, Subscription subscription, Set<String> groups, boolean askSubscribe) {

    public RosterEntry {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
        if (jid.isBlank()) {
            throw new IllegalArgumentException("A roster entry needs a JID");
        }
        groups = groups == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        for (String group : groups) {
            Objects.requireNonNull(group, "group");
        }
    }

    /** An entry without a pending request. */
    public static RosterEntry of(String jid, String name, Subscription subscription, String... groups) {
        return new RosterEntry(jid, name, subscription, new LinkedHashSet<>(Arrays.asList(groups)), false);
    }

    /** An entry without a pending request. */
    public static RosterEntry of(String jid, String name, Subscription subscription, Collection<String> groups) {
        return new RosterEntry(jid, name, subscription, new LinkedHashSet<>(groups), false);
    }

    /** A mutual contact (subscription {@code both}). */
    public static RosterEntry mutual(String jid, String name, String... groups) {
        return of(jid, name, Subscription.BOTH, groups);
    }
}
