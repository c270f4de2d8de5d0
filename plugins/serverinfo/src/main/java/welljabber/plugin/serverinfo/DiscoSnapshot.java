package welljabber.plugin.serverinfo;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one address said about itself in a disco#info answer (XEP-0030): its identities and the
 * namespaces of its features. Plain data without Smack, so the naming logic can be tested alone.
 */
record DiscoSnapshot(List<Identity> identities, Set<String> features) {

    static final DiscoSnapshot EMPTY = new DiscoSnapshot(List.of(), Set.of());

    /** An identity such as {@code conference/text} or {@code pubsub/pep}; {@code name} may be empty. */
    record Identity(String category, String type, String name) {
        Identity {
            category = Objects.requireNonNullElse(category, "");
            type = Objects.requireNonNullElse(type, "");
            name = Objects.requireNonNullElse(name, "");
        }
    }

    DiscoSnapshot {
        identities = List.copyOf(identities);
        features = Set.copyOf(features);
    }

    boolean hasIdentity(String category, String type) {
        return identities.stream().anyMatch(identity -> identity.category().equals(category)
                && (type == null || identity.type().equals(type)));
    }

    boolean hasFeature(String namespace) {
        return features.contains(namespace);
    }

    /** A service the server listed in disco#items, with what it said in its own disco#info. */
    record Service(String address, DiscoSnapshot info) {
        Service {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(info, "info");
        }
    }
}
