package welljabber.plugin.serverinfo;

import java.util.List;

/**
 * Server features with a name people can read, in the order the list shows them: the ones that
 * change what a client can do first. A feature matches its namespaces exactly, or with a
 * {@code #fragment} after them ({@code urn:xmpp:mam:2#extended} is still the message archive).
 */
enum KnownFeature {
    STREAM_MANAGEMENT("feature.sm", "urn:xmpp:sm:3", "urn:xmpp:sm:2"),
    MESSAGE_ARCHIVE("feature.mam", "urn:xmpp:mam:2", "urn:xmpp:mam:1", "urn:xmpp:mam:0"),
    CARBONS("feature.carbons", "urn:xmpp:carbons:2", "urn:xmpp:carbons:rules:0"),
    HTTP_UPLOAD("feature.upload", "urn:xmpp:http:upload:0", "urn:xmpp:http:upload"),
    REGISTRATION("feature.register", "jabber:iq:register"),
    BLOCKING("feature.blocking", "urn:xmpp:blocking", "urn:xmpp:blocking:errors"),
    GROUP_CHAT("feature.muc", "http://jabber.org/protocol/muc"),
    PUSH("feature.push", "urn:xmpp:push:0"),
    CLIENT_STATE("feature.csi", "urn:xmpp:csi:0"),
    ROSTER("feature.roster", "jabber:iq:roster"),
    ROSTER_VERSIONING("feature.rosterver", "urn:xmpp:features:rosterver"),
    OFFLINE_MESSAGES("feature.offline", "msgoffline"),
    VCARD("feature.vcard", "vcard-temp", "urn:ietf:params:xml:ns:vcard-4.0"),
    PRIVATE_STORAGE("feature.private", "jabber:iq:private"),
    BOOKMARKS("feature.bookmarks", "urn:xmpp:bookmarks-conversion:0"),
    EXTERNAL_SERVICES("feature.extdisco", "urn:xmpp:extdisco:2", "urn:xmpp:extdisco:1"),
    COMMANDS("feature.commands", "http://jabber.org/protocol/commands"),
    STANZA_IDS("feature.stanzaid", "urn:xmpp:sid:0"),
    SOFTWARE_VERSION("feature.version", "jabber:iq:version"),
    TIME("feature.time", "urn:xmpp:time", "jabber:iq:time"),
    LAST_ACTIVITY("feature.uptime", "jabber:iq:last"),
    PING("feature.ping", "urn:xmpp:ping");

    private final String key;
    private final List<String> namespaces;

    KnownFeature(String key, String... namespaces) {
        this.key = key;
        this.namespaces = List.of(namespaces);
    }

    /** The message key of the feature's readable name. */
    String key() {
        return key;
    }

    List<String> namespaces() {
        return namespaces;
    }

    boolean matches(String feature) {
        for (String namespace : namespaces) {
            if (feature.equals(namespace) || feature.startsWith(namespace + "#")) {
                return true;
            }
        }
        return false;
    }
}
