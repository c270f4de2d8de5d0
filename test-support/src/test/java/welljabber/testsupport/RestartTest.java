package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import welljabber.sandbox.ProsodyServer;

@WithProsody(accounts = "carol:carol-secret")
class RestartTest {

    @Test
    void killedWhileConnectedThenBackOnTheSamePortAndTheClientReconnects(ProsodyServer server, XmppTestClients clients)
            throws Exception {
        int port = server.c2sPort();
        XMPPTCPConnection carol = clients.login("carol");
        CountDownLatch lost = new CountDownLatch(1);
        carol.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                lost.countDown();
            }
        });

        server.kill();
        assertFalse(server.isRunning());
        assertTrue(lost.await(5, TimeUnit.SECONDS), "the client noticed the server is gone");

        server.restart();
        assertTrue(server.isRunning());
        assertEquals(port, server.c2sPort());
        carol.connect().login();
        assertTrue(carol.isAuthenticated());
        assertEquals(port, carol.getPort());
    }

    @Test
    void terminatedCleanlyThenRestartedWithTheSameData(ProsodyServer server, XmppTestClients clients) throws Exception {
        int port = server.c2sPort();
        TestAccount dave = clients.newAccount("dave");
        server.terminate();
        assertFalse(server.isRunning());

        server.restart();
        assertEquals(port, server.c2sPort());
        assertTrue(clients.login(dave).isAuthenticated(), "an account made before the restart still works");
    }

    @Test
    void pausedServerAnswersNothingUntilResumed(ProsodyServer server, XmppTestClients clients) throws Exception {
        XMPPTCPConnection carol = clients.login("carol");
        carol.setReplyTimeout(300);
        var ping = org.jivesoftware.smackx.ping.PingManager.getInstanceFor(carol);
        server.pause();
        try {
            assertTrue(server.isPaused());
            assertFalse(ping.pingMyServer(false, 300), "a paused server does not answer pings");
        } finally {
            server.resume();
        }
        assertFalse(server.isPaused());
        Poll.until(Duration.ofSeconds(5), () -> {
            try {
                return ping.pingMyServer(false, 1000);
            } catch (Exception e) {
                return false;
            }
        }, "the resumed server answers pings again");
    }
}
