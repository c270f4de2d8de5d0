package welljabber.plugin.serverinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import welljabber.api.error.ErrorSentences;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/** {@link ServerQuery} against a real Prosody: what a person would read in the Server pane. */
@WithProsody(accounts = {"me:secret"}, httpUpload = true)
class ServerQueryTest {

    private static List<String> englishRows(ServerReport report) {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        return report.features().stream().map(texts::line).toList();
    }

    @Test
    void prosodyTellsItsSoftwareFeaturesAndServices(ProsodyServer server, XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.login("me", "secret");

        ServerReport report = ServerQuery.ask(me, Locale.ENGLISH);

        assertEquals("Prosody", report.software().orElseThrow().name());
        assertTrue(report.software().orElseThrow().version().matches("\\d+\\.\\d+.*"), report.software().toString());
        assertTrue(report.softwareProblem().isEmpty());
        assertEquals(server.domain(), report.domain());
        assertEquals(me.getUser().toString(), report.boundJid());
        assertTrue(report.boundJid().startsWith("me@" + server.domain() + "/"), report.boundJid());
        assertTrue(report.secure(), "STARTTLS was used, the report says the connection is not encrypted");
        assertEquals(me.isSmEnabled(), report.streamManagement());
        assertTrue(report.streamManagement(), "Smack enables stream management with Prosody's mod_smacks");
        assertTrue(report.featuresProblem().isEmpty());

        List<String> rows = englishRows(report);
        for (String expected : List.of("Stream management (reliable delivery)", "Message archive (MAM)",
                "Message carbons (copies to all your devices)", "Blocking contacts", "Personal eventing (PEP: avatars, nicknames, bookmarks)",
                "Group chat service: " + server.mucDomain(), "File upload service: " + server.uploadDomain())) {
            assertTrue(rows.contains(expected), "missing \"" + expected + "\" in " + rows);
        }
        assertFalse(rows.stream().anyMatch(row -> row.contains("disco#")), rows.toString());
    }

    @Test
    void aConnectionThatIsGoneGivesSentencesNotExceptions(XmppTestClients clients) throws Exception {
        XMPPTCPConnection me = clients.login("me", "secret");
        me.disconnect();

        ServerReport report = ServerQuery.ask(me, Locale.ENGLISH);

        String notConnected = ErrorSentences.forThrowable(new SmackException.NotConnectedException(), Locale.ENGLISH);
        assertEquals(notConnected, report.softwareProblem().orElseThrow());
        assertEquals(notConnected, report.featuresProblem().orElseThrow());
        assertTrue(report.software().isEmpty());
        assertTrue(report.features().isEmpty());
    }

    @Nested
    @WithProsody(accounts = {"me:secret"}, tls = false, muc = false)
    class WithoutTls {
        @Test
        void aPlainConnectionIsReportedAsNotEncrypted(ProsodyServer server, XmppTestClients clients) throws Exception {
            XMPPTCPConnection me = clients.login("me", "secret");

            ServerReport report = ServerQuery.ask(me, Locale.ENGLISH);

            assertFalse(report.secure());
            assertFalse(englishRows(report).stream().anyMatch(row -> row.startsWith("Group chat service")),
                    "this server runs no group chat service");
        }
    }
}
