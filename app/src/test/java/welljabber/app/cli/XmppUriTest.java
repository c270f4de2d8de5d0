package welljabber.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples from RFC 5122 and its errata, plus malformed input. */
class XmppUriTest {

    @Test
    void plainAddress() {
        XmppUri uri = XmppUri.parse("xmpp:romeo@montague.net");
        assertEquals(Optional.empty(), uri.account());
        assertEquals("romeo@montague.net", uri.target().toString());
        assertTrue(uri.target().isEntityBareJid());
        assertEquals(Optional.empty(), uri.action());
        assertEquals(Map.of(), uri.parameters());
    }

    @Test
    void messageWithSubjectAndBody() {
        XmppUri uri = XmppUri.parse("xmpp:romeo@montague.net?message;subject=Test%20Message;body=Here%27s%20a%20test");
        assertEquals("romeo@montague.net", uri.target().toString());
        assertEquals(Optional.of("message"), uri.action());
        assertEquals(Map.of("subject", "Test Message", "body", "Here's a test"), uri.parameters());
    }

    @Test
    void authorityNamesTheAccountToUse() {
        XmppUri uri = XmppUri.parse("xmpp://guest@example.com/support@example.com?message");
        assertEquals("guest@example.com", uri.account().orElseThrow().toString());
        assertEquals("support@example.com", uri.target().toString());
        assertEquals(Optional.of("message"), uri.action());
        assertEquals(Map.of(), uri.parameters());
    }

    @Test
    void authorityWithoutTargetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> XmppUri.parse("xmpp://guest@example.com"));
        assertThrows(IllegalArgumentException.class, () -> XmppUri.parse("xmpp://guest@example.com/"));
    }

    @Test
    void joinRoomWithPassword() {
        XmppUri uri = XmppUri.parse("xmpp:darkcave@chat.shakespeare.lit?join;password=cauldronburn");
        assertEquals("darkcave@chat.shakespeare.lit", uri.target().toString());
        assertEquals(Optional.of("join"), uri.action());
        assertEquals(Map.of("password", "cauldronburn"), uri.parameters());
    }

    @Test
    void percentDecodingOfNonAsciiJidAndResource() {
        XmppUri uri = XmppUri.parse("xmpp:ji%C5%99i@%C4%8Dechy.example/v%20Praze");
        assertEquals("jiři", uri.target().getLocalpartOrThrow().toString());
        assertEquals("čechy.example", uri.target().getDomain().toString());
        assertEquals("v Praze", uri.target().getResourceOrThrow().toString());
    }

    @Test
    void percentEncodedReservedCharactersInTheNode() {
        // RFC 5122 section 2.9 example: '#', '%' and '?' must be percent-encoded, the rest may stand.
        XmppUri uri = XmppUri.parse("xmpp:nasty!%23$%25()*+,-.;=%3F%5B%5C%5D%5E_%60%7B%7C%7D~node@example.com");
        assertEquals("nasty!#$%()*+,-.;=?[\\]^_`{|}~node", uri.target().getLocalpartOrThrow().toString());
        assertEquals(Optional.empty(), uri.action());
    }

    @Test
    void plusStaysPlus() {
        XmppUri uri = XmppUri.parse("xmpp:user+tag@example.com?message;body=1+1%3D2%2B0");
        assertEquals("user+tag@example.com", uri.target().toString());
        assertEquals("1+1=2+0", uri.parameters().get("body"));
    }

    @Test
    void fragmentIsDropped() {
        XmppUri uri = XmppUri.parse("xmpp:romeo@montague.net?message;body=hi#fragment");
        assertEquals("hi", uri.parameters().get("body"));
    }

    @Test
    void parametersWithoutValueAreSkipped() {
        XmppUri uri = XmppUri.parse("xmpp:romeo@montague.net?message;flag;body=x");
        assertEquals(Map.of("body", "x"), uri.parameters());
    }

    @Test
    void parametersCannotBeChangedAfterParsing() {
        XmppUri uri = XmppUri.parse("xmpp:romeo@montague.net?message;body=x");
        assertThrows(UnsupportedOperationException.class, () -> uri.parameters().put("body", "y"));
    }

    @Test
    void domainOnlyTarget() {
        XmppUri uri = XmppUri.parse("xmpp:montague.net");
        assertEquals("montague.net", uri.target().toString());
        assertTrue(uri.target().isDomainBareJid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xmpp:", "xmpp:?message", "xmpp:@@", "xmpp:   ", "xmpp:romeo@", "xmpp:@montague.net",
        "xmpp://@@/romeo@montague.net", "http://example.com", "romeo@montague.net", "xmpp:a%zz@b.example"})
    void malformedUrisAreRefused(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> XmppUri.parse(text));
        String message = refused.getMessage();
        assertTrue(message != null && !message.isBlank(), "no message");
        // A plain sentence naming what was given, not a library's internals.
        assertTrue(message.contains(text), message);
        assertFalse(message.contains("Exception"), message);
    }
}
