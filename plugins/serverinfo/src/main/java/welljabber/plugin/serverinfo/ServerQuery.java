package welljabber.plugin.serverinfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

import welljabber.api.error.ErrorSentences;

/**
 * Asks one account's server what it runs and offers. Blocking network work: call it off the JavaFX
 * thread. Each question that fails is reported as a sentence; the others still count.
 */
final class ServerQuery {
    /** A server listing more services than this is not asked about the rest. */
    static final int MAX_SERVICES = 24;

    /** Stream features that are not in disco#info but matter to users; added to the feature list. */
    private static final List<String[]> STREAM_FEATURES = List.of(
            new String[] {"sm", "urn:xmpp:sm:3"},
            new String[] {"csi", "urn:xmpp:csi:0"},
            new String[] {"ver", "urn:xmpp:features:rosterver"});

    private static final System.Logger LOG = System.getLogger(ServerQuery.class.getName());

    private ServerQuery() {
    }

    static ServerReport ask(XMPPConnection connection, Locale locale) throws InterruptedException {
        DomainBareJid domain = connection.getXMPPServiceDomain();
        EntityFullJid bound = connection.getUser();
        boolean secure = connection.isSecureConnection();
        boolean streamManagement = connection instanceof XMPPTCPConnection tcp && tcp.isSmEnabled();

        Optional<Software> software = Optional.empty();
        Optional<String> softwareProblem = Optional.empty();
        try {
            Version version = VersionManager.getInstanceFor(connection).getVersion(domain);
            if (version != null) {
                software = Optional.of(Software.of(version.getName(), version.getVersion(), version.getOs()))
                        .filter(found -> !found.isEmpty());
            }
        } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                | SmackException.NotConnectedException e) {
            LOG.log(System.Logger.Level.INFO, "Asking {0} for its software failed: {1}", domain, e.toString());
            softwareProblem = Optional.of(ErrorSentences.forThrowable(e, locale));
        }

        List<FeatureLine> features = List.of();
        Optional<String> featuresProblem = Optional.empty();
        try {
            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
            DiscoSnapshot own = snapshot(disco.discoverInfo(domain));
            Set<String> namespaces = new HashSet<>(own.features());
            List<DiscoSnapshot.Identity> identities = new ArrayList<>(own.identities());
            // Some features belong to the account rather than the domain: the message archive and PEP
            // are announced at the user's bare address (XEP-0313, XEP-0163).
            if (bound != null) {
                try {
                    DiscoSnapshot account = snapshot(disco.discoverInfo(bound.asEntityBareJid()));
                    namespaces.addAll(account.features());
                    identities.addAll(account.identities());
                } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException e) {
                    LOG.log(System.Logger.Level.INFO, "Account {0} did not describe itself: {1}",
                            bound.asEntityBareJidString(), e.toString());
                }
            }
            for (String[] feature : STREAM_FEATURES) {
                if (connection.hasFeature(feature[0], feature[1])) {
                    namespaces.add(feature[1]);
                }
            }
            features = FeatureCatalog.describe(new DiscoSnapshot(identities, namespaces),
                    services(disco, domain));
        } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                | SmackException.NotConnectedException e) {
            LOG.log(System.Logger.Level.INFO, "Asking {0} for its features failed: {1}", domain, e.toString());
            featuresProblem = Optional.of(ErrorSentences.forThrowable(e, locale));
        }
        return new ServerReport(bound == null ? "" : bound.toString(), domain.toString(), software, softwareProblem,
                secure, streamManagement, features, featuresProblem);
    }

    /** The services in the domain's disco#items with their disco#info; one that does not answer is left out. */
    private static List<DiscoSnapshot.Service> services(ServiceDiscoveryManager disco, DomainBareJid domain)
            throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        DiscoverItems items = disco.discoverItems(domain);
        List<DiscoSnapshot.Service> services = new ArrayList<>();
        for (DiscoverItems.Item item : items.getItems()) {
            if (services.size() >= MAX_SERVICES) {
                break;
            }
            Jid address = item.getEntityID();
            if (address == null || item.getNode() != null) {
                continue;
            }
            try {
                services.add(new DiscoSnapshot.Service(address.toString(), snapshot(disco.discoverInfo(address))));
            } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException e) {
                LOG.log(System.Logger.Level.INFO, "Service {0} did not describe itself: {1}", address, e.toString());
                services.add(new DiscoSnapshot.Service(address.toString(), DiscoSnapshot.EMPTY));
            }
        }
        return services;
    }

    static DiscoSnapshot snapshot(DiscoverInfo info) {
        List<DiscoSnapshot.Identity> identities = info.getIdentities().stream()
                .map(identity -> new DiscoSnapshot.Identity(identity.getCategory(), identity.getType(),
                        identity.getName()))
                .toList();
        Set<String> features = new HashSet<>();
        info.getFeatures().forEach(feature -> features.add(feature.getVar()));
        return new DiscoSnapshot(identities, features);
    }
}
