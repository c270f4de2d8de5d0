package welljabber.plugin.serverinfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import welljabber.api.error.ErrorSentences;

/**
 * Turns what the server said in disco#info and disco#items into the rows of the feature list: known
 * features by name (in {@link KnownFeature} order), then the services it runs at addresses of their
 * own (group chats, file upload, ...), then every other feature by its namespace. Pure logic.
 */
final class FeatureCatalog {

    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String HTTP_UPLOAD = "urn:xmpp:http:upload:0";
    static final String BYTESTREAMS = "http://jabber.org/protocol/bytestreams";

    /** Features every server has and that say nothing to a user. */
    private static final Set<String> PLUMBING = Set.of(
            "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items");

    /** The kinds of service a server lists in disco#items, in the order they are shown. */
    enum ServiceKind {
        GROUP_CHAT("service.muc"),
        FILE_UPLOAD("service.upload"),
        PUBSUB("service.pubsub"),
        FILE_TRANSFER_PROXY("service.proxy"),
        GATEWAY("service.gateway"),
        OTHER("service.other");

        private final String key;

        ServiceKind(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private FeatureCatalog() {
    }

    /**
     * The rows for a server.
     *
     * @param server the disco#info of the server domain and of the account, with stream features added as namespaces
     * @param services the addresses from the domain's disco#items with their disco#info
     */
    static List<FeatureLine> describe(DiscoSnapshot server, List<DiscoSnapshot.Service> services) {
        List<FeatureLine> lines = new ArrayList<>();
        EnumSet<KnownFeature> known = EnumSet.noneOf(KnownFeature.class);
        Set<String> others = new TreeSet<>();
        boolean pubsub = false;
        for (String feature : server.features()) {
            if (feature == null || feature.isBlank() || PLUMBING.contains(feature)) {
                continue;
            }
            KnownFeature match = knownFeature(feature);
            if (match != null) {
                known.add(match);
            } else if (feature.equals(PUBSUB) || feature.startsWith(PUBSUB + "#")) {
                pubsub = true;
            } else {
                others.add(feature);
            }
        }
        known.forEach(feature -> lines.add(FeatureLine.feature(feature.key())));
        // Prosody and others advertise dozens of pubsub#... features for PEP: one row says it.
        if (server.hasIdentity("pubsub", "pep")) {
            lines.add(FeatureLine.feature("feature.pep"));
        } else if (pubsub) {
            lines.add(FeatureLine.feature("feature.pubsub"));
        }
        services.stream()
                .sorted(Comparator.comparing((DiscoSnapshot.Service service) -> kindOf(service.info()))
                        .thenComparing(DiscoSnapshot.Service::address))
                .map(service -> new FeatureLine(FeatureLine.Kind.SERVICE, kindOf(service.info()).key(),
                        ErrorSentences.sanitize(service.address())))
                .distinct()
                .forEach(lines::add);
        others.forEach(feature -> lines.add(new FeatureLine(FeatureLine.Kind.OTHER, "feature.other",
                ErrorSentences.sanitize(feature))));
        return List.copyOf(lines);
    }

    /** The known feature a namespace belongs to, or {@code null}. */
    static KnownFeature knownFeature(String feature) {
        for (KnownFeature known : KnownFeature.values()) {
            if (known.matches(feature)) {
                return known;
            }
        }
        return null;
    }

    /** What kind of service an address is, from its identities and features. */
    static ServiceKind kindOf(DiscoSnapshot info) {
        if (info.hasIdentity("conference", "text") || info.hasFeature(MUC)) {
            return ServiceKind.GROUP_CHAT;
        }
        if (info.hasFeature(HTTP_UPLOAD) || info.hasIdentity("store", "file")) {
            return ServiceKind.FILE_UPLOAD;
        }
        if (info.hasIdentity("pubsub", "service")) {
            return ServiceKind.PUBSUB;
        }
        if (info.hasIdentity("proxy", "bytestreams") || info.hasFeature(BYTESTREAMS)) {
            return ServiceKind.FILE_TRANSFER_PROXY;
        }
        if (info.hasIdentity("gateway", null)) {
            return ServiceKind.GATEWAY;
        }
        return ServiceKind.OTHER;
    }
}
