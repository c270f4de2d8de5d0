package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import welljabber.sandbox.ProsodyServer;

@WithProsody(accounts = "erin:erin-secret", directTls = true, httpUpload = true, muc = false)
class DirectTlsAndUploadTest {

    @Test
    void theDirectTlsPortSpeaksTlsWithTheSandboxCertificate(ProsodyServer server) throws Exception {
        assertNotEquals(server.c2sPort(), server.directTlsPort());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(server.host(), server.directTlsPort()), 2000);
            SSLSocket tls = (SSLSocket) server.trustManager().sslContext().getSocketFactory()
                    .createSocket(plain, "localhost", server.directTlsPort(), true);
            tls.startHandshake();
            assertArrayEquals(server.certificate().getEncoded(), tls.getSession().getPeerCertificates()[0].getEncoded());
            OutputStream out = tls.getOutputStream();
            out.write(("<?xml version='1.0'?><stream:stream to='localhost' version='1.0' xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams'>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readUntil(tls.getInputStream(), "</stream:features>");
            assertTrue(answer.contains("SCRAM-SHA-1"), answer);
        }
    }

    @Test
    void theUploadServiceIsAnnounced(XmppTestClients clients) throws Exception {
        XMPPTCPConnection erin = clients.login("erin");
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(erin).discoverInfo(JidCreate.domainBareFrom("upload.localhost"));
        assertTrue(info.containsFeature("urn:xmpp:http:upload:0"), info.toXML().toString());
    }

    @Test
    void theHttpPortListensOnLoopback(ProsodyServer server) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.httpPort()), 2000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = readUntil(socket.getInputStream(), "\r\n");
            assertTrue(answer.startsWith("HTTP/1."), answer);
        }
    }

    private static String readUntil(InputStream in, String end) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.toString().contains(end)) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
