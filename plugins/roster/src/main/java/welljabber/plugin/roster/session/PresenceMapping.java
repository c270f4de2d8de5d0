package welljabber.plugin.roster.session;

import java.util.Comparator;
import java.util.List;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.packet.RosterPacket;

import welljabber.api.error.ErrorSentences;
import welljabber.api.presence.PresenceKind;
import welljabber.plugin.roster.model.ResourcePresence;
import welljabber.plugin.roster.model.Subscription;
import welljabber.plugin.roster.model.SubscriptionState;

/**
 * Smack's presence and roster item types in the plugin's own words. Text a peer chose (status
 * messages) is cleaned on the way in: no control or bidirectional-override characters, no line
 * breaks, bounded length.
 */
public final class PresenceMapping {
    private PresenceMapping() {
    }

    /** The online resources of one contact, highest priority first. */
    public static List<ResourcePresence> resources(List<Presence> presences) {
        return presences.stream()
                .filter(Presence::isAvailable)
                .filter(presence -> presence.getFrom() != null && presence.getFrom().hasResource())
                .map(presence -> new ResourcePresence(presence.getFrom().getResourceOrEmpty().toString(), PresenceKind.of(presence),
                        ErrorSentences.sanitize(presence.getStatus()), presence.getPriority()))
                .sorted(Comparator.comparingInt(ResourcePresence::priority).reversed()
                        .thenComparing(ResourcePresence::resource))
                .toList();
    }

    /** The status message of {@code presence}, cleaned; empty when it is offline. */
    public static String status(Presence presence) {
        return presence != null && presence.isAvailable() ? ErrorSentences.sanitize(presence.getStatus()) : "";
    }

    public static SubscriptionState subscription(RosterPacket.ItemType type, boolean pendingOut, boolean approved) {
        Subscription subscription = switch (type) {
            case to -> Subscription.TO;
            case from -> Subscription.FROM;
            case both -> Subscription.BOTH;
            case none, remove -> Subscription.NONE;
        };
        return new SubscriptionState(subscription, pendingOut, false, approved);
    }
}
