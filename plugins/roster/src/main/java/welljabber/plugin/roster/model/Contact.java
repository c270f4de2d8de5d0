package welljabber.plugin.roster.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jxmpp.jid.BareJid;

import welljabber.api.account.AccountId;
import welljabber.api.presence.PresenceKind;

/**
 * What the contact list knows about one contact at one moment. Immutable: every change makes a new
 * one, so the list can be laid out on any thread from a consistent snapshot.
 *
 * @param groups    the roster groups, empty when the contact is in none
 * @param kind      the presence of the contact's best resource (highest priority, then most available)
 * @param resources the online resources, best first
 * @param unread    messages not read yet, as the chat plugin reports them
 */
public record Contact(ContactKey key, String name, List<String> groups, SubscriptionState subscription, PresenceKind kind,
        String status, List<ResourcePresence> resources, int unread, boolean blocked) {

    public Contact {
        Objects.requireNonNull(key, "key");
        name = name == null ? "" : name.strip();
        groups = List.copyOf(groups);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(kind, "kind");
        status = status == null ? "" : status;
        resources = List.copyOf(resources);
    }

    /** A contact as the roster lists it, before any presence arrived. */
    public static Contact offline(ContactKey key, String name, List<String> groups, SubscriptionState subscription) {
        return new Contact(key, name, groups, subscription, PresenceKind.OFFLINE, "", List.of(), 0, false);
    }

    public AccountId account() {
        return key.account();
    }

    public BareJid jid() {
        return key.jid();
    }

    /** The address of one of the contact's devices (a gateway or service contact has no local part). */
    public org.jxmpp.jid.FullJid resourceJid(String resource) {
        var part = org.jxmpp.jid.parts.Resourcepart.fromOrThrowUnchecked(resource);
        var entity = key.jid().asEntityBareJidIfPossible();
        return entity != null ? org.jxmpp.jid.impl.JidCreate.entityFullFrom(entity, part)
                : org.jxmpp.jid.impl.JidCreate.domainFullFrom(key.jid().asDomainBareJid(), part);
    }

    /** The roster name, or the address when the user gave none. */
    public String displayName() {
        return name.isEmpty() ? key.jid().toString() : name;
    }

    public boolean online() {
        return kind != PresenceKind.OFFLINE;
    }

    /** Whether {@code needle} (already lower case) occurs in the name or the address. */
    public boolean matches(String needle) {
        return needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle)
                || key.jid().toString().contains(needle);
    }

    /** The same contact with the roster's new facts, keeping what the roster does not know. */
    public Contact withRosterItem(String newName, List<String> newGroups, SubscriptionState newSubscription) {
        return new Contact(key, newName, newGroups, newSubscription.withPendingIn(subscription.pendingIn()), kind, status,
                resources, unread, blocked);
    }

    public Contact withPresence(PresenceKind newKind, String newStatus, List<ResourcePresence> newResources) {
        return new Contact(key, name, groups, subscription, newKind, newStatus, newResources, unread, blocked);
    }

    public Contact withUnread(int count) {
        return new Contact(key, name, groups, subscription, kind, status, resources, Math.max(0, count), blocked);
    }

    /**
     * Blocked contacts show offline: the server stops their presence from reaching us but does not
     * say they left, so whatever presence we held is stale from that moment.
     */
    public Contact withBlocked(boolean isBlocked) {
        if (isBlocked) {
            return new Contact(key, name, groups, subscription, PresenceKind.OFFLINE, "", List.of(), unread, true);
        }
        return new Contact(key, name, groups, subscription, kind, status, resources, unread, false);
    }

    /** Whether presence from this contact can be believed: we are subscribed to it and did not block it. */
    public boolean presenceTrusted() {
        return !blocked && subscription.subscription().iSeeThem();
    }

    public Contact withPendingIn(boolean pending) {
        return new Contact(key, name, groups, subscription.withPendingIn(pending), kind, status, resources, unread, blocked);
    }
}
