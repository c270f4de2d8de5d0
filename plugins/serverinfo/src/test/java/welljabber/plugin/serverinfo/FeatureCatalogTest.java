package welljabber.plugin.serverinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureCatalogTest {

    private static DiscoSnapshot features(String... namespaces) {
        return new DiscoSnapshot(List.of(new DiscoSnapshot.Identity("server", "im", "Prosody")), Set.of(namespaces));
    }

    private static List<String> keys(List<FeatureLine> lines) {
        return lines.stream().map(FeatureLine::key).toList();
    }

    @Test
    void knownNamespacesGetReadableNamesInTheCatalogsOrderNotTheServers() {
        List<FeatureLine> lines = FeatureCatalog.describe(
                features("urn:xmpp:blocking", "jabber:iq:register", "urn:xmpp:carbons:2", "urn:xmpp:mam:2",
                        "urn:xmpp:sm:3", "urn:xmpp:http:upload:0"),
                List.of());
        assertEquals(List.of("feature.sm", "feature.mam", "feature.carbons", "feature.upload", "feature.register",
                "feature.blocking"), keys(lines));
        assertTrue(lines.stream().allMatch(line -> line.kind() == FeatureLine.Kind.FEATURE && line.argument().isEmpty()));
    }

    @Test
    void versionsAndFragmentsOfOneFeatureMakeOneRow() {
        List<FeatureLine> lines = FeatureCatalog.describe(
                features("urn:xmpp:mam:0", "urn:xmpp:mam:1", "urn:xmpp:mam:2", "urn:xmpp:mam:2#extended",
                        "urn:xmpp:carbons:2", "urn:xmpp:carbons:rules:0"),
                List.of());
        assertEquals(List.of("feature.mam", "feature.carbons"), keys(lines));
    }

    @Test
    void aPrefixThatIsNotAFragmentIsNotTheSameFeature() {
        assertNull(FeatureCatalog.knownFeature("urn:xmpp:mam:20"));
        assertNull(FeatureCatalog.knownFeature("urn:xmpp:pingpong"));
        assertEquals(KnownFeature.PING, FeatureCatalog.knownFeature("urn:xmpp:ping"));
    }

    @Test
    void manyPubsubFeaturesBecomeOneRowAndPepIsNamedWhenTheServerSaysSo() {
        DiscoSnapshot withPep = new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("server", "im", ""), new DiscoSnapshot.Identity("pubsub", "pep", "")),
                Set.of("http://jabber.org/protocol/pubsub", "http://jabber.org/protocol/pubsub#publish",
                        "http://jabber.org/protocol/pubsub#retrieve-items"));
        assertEquals(List.of("feature.pep"), keys(FeatureCatalog.describe(withPep, List.of())));

        DiscoSnapshot plainPubsub = features("http://jabber.org/protocol/pubsub#publish");
        assertEquals(List.of("feature.pubsub"), keys(FeatureCatalog.describe(plainPubsub, List.of())));
    }

    @Test
    void discoItselfIsNotListedAndUnknownFeaturesComeLastSortedByNamespace() {
        List<FeatureLine> lines = FeatureCatalog.describe(
                features("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                        "urn:example:zeta", "urn:example:alpha", "urn:xmpp:ping"),
                List.of());
        assertEquals(List.of(FeatureLine.feature("feature.ping"),
                new FeatureLine(FeatureLine.Kind.OTHER, "feature.other", "urn:example:alpha"),
                new FeatureLine(FeatureLine.Kind.OTHER, "feature.other", "urn:example:zeta")), lines);
    }

    @Test
    void servicesFromDiscoItemsAreClassifiedByIdentityOrFeature() {
        var rooms = new DiscoSnapshot.Service("conference.example.org", new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("conference", "text", "Chatrooms")), Set.of()));
        var roomsByFeature = new DiscoSnapshot.Service("muc.example.org",
                new DiscoSnapshot(List.of(), Set.of(FeatureCatalog.MUC)));
        var upload = new DiscoSnapshot.Service("upload.example.org", new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("store", "file", "")), Set.of(FeatureCatalog.HTTP_UPLOAD)));
        var pubsub = new DiscoSnapshot.Service("pubsub.example.org", new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("pubsub", "service", "")), Set.of()));
        var proxy = new DiscoSnapshot.Service("proxy.example.org", new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("proxy", "bytestreams", "")), Set.of()));
        var gateway = new DiscoSnapshot.Service("irc.example.org", new DiscoSnapshot(
                List.of(new DiscoSnapshot.Identity("gateway", "irc", "")), Set.of()));
        var silent = new DiscoSnapshot.Service("silent.example.org", DiscoSnapshot.EMPTY);

        List<FeatureLine> lines = FeatureCatalog.describe(features("urn:xmpp:ping"),
                List.of(silent, gateway, proxy, pubsub, upload, roomsByFeature, rooms));

        assertEquals(List.of(
                FeatureLine.feature("feature.ping"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.muc", "conference.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.muc", "muc.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.upload", "upload.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.pubsub", "pubsub.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.proxy", "proxy.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.gateway", "irc.example.org"),
                new FeatureLine(FeatureLine.Kind.SERVICE, "service.other", "silent.example.org")), lines);
    }

    @Test
    void textFromTheServerIsSanitizedBeforeItIsShown() {
        String sneaky = "urn:evil:\u202Egnp.exe\nsecond line";
        List<FeatureLine> lines = FeatureCatalog.describe(features(sneaky),
                List.of(new DiscoSnapshot.Service("bad\u0007host.example", DiscoSnapshot.EMPTY)));
        assertEquals("badhost.example", lines.get(0).argument());
        assertEquals("urn:evil:gnp.exe second line", lines.get(1).argument());
        assertFalse(lines.stream().anyMatch(line -> line.argument().chars().anyMatch(Character::isISOControl)));
    }

    @Test
    void aServerWithoutFeaturesGivesAnEmptyList() {
        assertTrue(FeatureCatalog.describe(DiscoSnapshot.EMPTY, List.of()).isEmpty());
    }

    @Test
    void everyKnownNamespaceMapsBackToItsOwnFeature() {
        for (KnownFeature feature : KnownFeature.values()) {
            for (String namespace : feature.namespaces()) {
                assertEquals(feature, FeatureCatalog.knownFeature(namespace), namespace);
            }
        }
    }
}
