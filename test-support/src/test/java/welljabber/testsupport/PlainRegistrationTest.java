package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Localpart;
import welljabber.sandbox.ProsodyServer;

/** A plain (no TLS) server that lets clients register themselves. */
@WithProsody(tls = false, registration = true, muc = false, accounts = {})
class PlainRegistrationTest {

    @Test
    void aClientRegistersInBandThenLogsIn(ProsodyServer server, XmppTestClients clients) throws Exception {
        XMPPTCPConnection connection = clients.connection("newbie", "newbie-secret");
        connection.connect();
        assertFalse(connection.isSecureConnection(), "no TLS on a plain server");
        AccountManager accounts = AccountManager.getInstance(connection);
        accounts.sensitiveOperationOverInsecureConnection(true);
        assertTrue(accounts.supportsAccountCreation());
        accounts.createAccount(Localpart.from("newbie"), "newbie-secret");
        connection.login();
        assertEquals(server.jid("newbie"), connection.getUser().asEntityBareJid());
    }

    @Test
    void aPlainServerHasNoCertificate(ProsodyServer server) {
        assertFalse(server.tls());
        assertThrows(IllegalStateException.class, server::certificate);
    }
}
