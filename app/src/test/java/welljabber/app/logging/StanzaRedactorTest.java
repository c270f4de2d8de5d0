package welljabber.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StanzaRedactorTest {
    private static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";

    @Test
    void saslPlainAuthPayloadIsRemoved() {
        String auth = "<auth mechanism='PLAIN' xmlns='" + SASL_NS + "'>AGFsaWNlAHNlY3JldA==</auth>";
        String redacted = StanzaRedactor.redact(auth);
        assertFalse(redacted.contains("AGFsaWNlAHNlY3JldA=="), redacted);
        assertEquals("<auth mechanism='PLAIN' xmlns='" + SASL_NS + "'>[redacted]</auth>", redacted);
    }

    @Test
    void scramResponseChallengeAndSuccessPayloadsAreRemoved() {
        String exchange = "<challenge xmlns='" + SASL_NS + "'>cj1meWtvK2QybGJiRmdPTlJ2OXFreGRhd0wzcmZjTkhZSlkxWlZ2V1ZzN2oscz1RU1hDUitRNnNlazhiZjkyLGk9NDA5Ng==</challenge>"
                + "<response xmlns='" + SASL_NS + "'>Yz1iaXdzLHI9ZnlrbytkMmxiYkZnT05Sdjlxa3hkYXdMM3JmY05IWUpZMVpWdldWczdqLHA9djBYOHYzQnoyVDBDSkdiSlF5RjBYK0hJNFRzPQ==</response>"
                + "<success xmlns='" + SASL_NS + "'>dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9</success>";
        String redacted = StanzaRedactor.redact(exchange);
        assertFalse(redacted.contains("cj1meWtv"), redacted);
        assertFalse(redacted.contains("Yz1iaXdz"), redacted);
        assertFalse(redacted.contains("dj1ybUY5"), redacted);
        assertEquals("<challenge xmlns='" + SASL_NS + "'>[redacted]</challenge>"
                + "<response xmlns='" + SASL_NS + "'>[redacted]</response>"
                + "<success xmlns='" + SASL_NS + "'>[redacted]</success>", redacted);
    }

    @Test
    void multiLinePayloadIsRemoved() {
        String auth = "<auth mechanism=\"PLAIN\"\n      xmlns=\"" + SASL_NS + "\">\n  AGFsaWNl\n  AHNlY3JldA==\n</auth>";
        String redacted = StanzaRedactor.redact(auth);
        assertFalse(redacted.contains("AGFsaWNl"), redacted);
        assertFalse(redacted.contains("AHNlY3JldA=="), redacted);
        assertTrue(redacted.endsWith(">[redacted]</auth>"), redacted);
    }

    @Test
    void inBandRegistrationPasswordIsRemoved() {
        String iq = "<iq type='set' id='reg2'><query xmlns='jabber:iq:register'>"
                + "<username>bill</username><password>Calliope</password><email>bard@shakespeare.lit</email>"
                + "</query></iq>";
        String redacted = StanzaRedactor.redact(iq);
        assertFalse(redacted.contains("Calliope"), redacted);
        assertTrue(redacted.contains("<password>[redacted]</password>"), redacted);
        assertTrue(redacted.contains("<username>bill</username>"), redacted);
        assertTrue(redacted.contains("<email>bard@shakespeare.lit</email>"), redacted);
    }

    @Test
    void multiLineRegistrationPasswordIsRemoved() {
        String iq = "<query xmlns='jabber:iq:register'>\n  <password>\n    line one\n    line two\n  </password>\n</query>";
        String redacted = StanzaRedactor.redact(iq);
        assertFalse(redacted.contains("line one"), redacted);
        assertFalse(redacted.contains("line two"), redacted);
    }

    @Test
    void dataFormPasswordFieldIsRemoved() {
        String form = "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='username'><value>juliet</value></field>"
                + "<field var='password'><value>secret</value></field>"
                + "</x>";
        String redacted = StanzaRedactor.redact(form);
        assertFalse(redacted.contains("secret"), redacted);
        assertTrue(redacted.contains("<field var='username'><value>juliet</value></field>"), redacted);
        assertTrue(redacted.contains("<field var='password'><value>[redacted]</value></field>"), redacted);
    }

    @Test
    void dataFormPasswordFieldWithTypeAndDoubleQuotesIsRemoved() {
        String form = "<field type=\"text-private\" var=\"password\" label=\"Password\">\n"
                + "  <value>s3cr3t w0rd</value>\n</field>";
        String redacted = StanzaRedactor.redact(form);
        assertFalse(redacted.contains("s3cr3t"), redacted);
    }

    @Test
    void ordinaryMessagesAreKeptIntact() {
        String message = "<message to='romeo@montague.net' from='juliet@capulet.lit/balcony' type='chat' id='m1'>"
                + "<body>My password is safe with you? The auth &lt;success&gt; of love!</body>"
                + "<thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread></message>";
        assertEquals(message, StanzaRedactor.redact(message));
    }

    @Test
    void multiLineOrdinaryStanzasAreKeptIntact() {
        String stanzas = """
                <presence from='juliet@capulet.lit/balcony'>
                  <status>Wherefore art thou?</status>
                </presence>
                <message to='romeo@montague.net'>
                  <body>Line one
                line two</body>
                </message>
                """;
        assertEquals(stanzas, StanzaRedactor.redact(stanzas));
    }

    @Test
    void secretsAreRemovedButSurroundingStanzasStay() {
        String log = "<message><body>before</body></message>\n"
                + "<auth xmlns='" + SASL_NS + "' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>\n"
                + "<message><body>after</body></message>";
        String redacted = StanzaRedactor.redact(log);
        assertFalse(redacted.contains("AGFsaWNlAHNlY3JldA=="), redacted);
        assertTrue(redacted.startsWith("<message><body>before</body></message>\n"), redacted);
        assertTrue(redacted.endsWith("\n<message><body>after</body></message>"), redacted);
    }

    @Test
    void elementsMerelyStartingWithAuthAreNotTouched() {
        String other = "<authorization>keep-me</authorization><responses>keep-too</responses>";
        assertEquals(other, StanzaRedactor.redact(other));
    }

    @Test
    void stringBuilderInputIsAccepted() {
        StringBuilder auth = new StringBuilder("<response xmlns='").append(SASL_NS).append("'>cGFzcw==</response>");
        assertFalse(StanzaRedactor.redact(auth).contains("cGFzcw=="));
    }

    @org.junit.jupiter.api.Test
    void selfClosingElementsDoNotSwallowWhatFollows() {
        String xml = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/><message><body>hello</body></message>"
                + "<query xmlns='jabber:iq:register'><password/></query><iq><success>c2VjcmV0</success></iq>";
        String redacted = StanzaRedactor.redact(xml);
        org.junit.jupiter.api.Assertions.assertTrue(redacted.contains("<body>hello</body>"), redacted);
        org.junit.jupiter.api.Assertions.assertFalse(redacted.contains("c2VjcmV0"), redacted);
    }
}
