package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;

import org.jivesoftware.smack.XMPPConnection;
import org.junit.jupiter.api.Test;

import welljabber.api.account.AccountId;
import welljabber.app.WellJabberApp;
import welljabber.app.account.TlsMode;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;

/**
 * The server goes away while connected and comes back: the shell says so and reconnects by itself. Logging in
 * again, or closing the shell, leaves nothing of the old connection or the closed shell behind.
 */
@WithProsody(accounts = {"me:secret"})
class ReconnectUiTest extends ShellUiTest {

    @Test
    void killingTheServerShowsReconnectingAndItComesBackWithinTenSecondsOfTheServer(ProsodyServer server)
            throws Exception {
        startShell();
        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(), TlsMode.REQUIRED);

        server.kill();
        steps.awaitStatus("Reconnecting", Duration.ofSeconds(10));
        // Stay down across several failed attempts, so the back-off has grown when the server returns.
        Thread.sleep(6_000);
        assertTrue(steps.status().contains("Reconnecting"), steps.status());

        server.restart();
        Duration back = steps.awaitStatus("Connected", Duration.ofSeconds(10));
        assertTrue(back.compareTo(Duration.ofSeconds(10)) < 0, "reconnected only after " + back);
    }

    @Test
    void loggingInAgainLetsTheOldConnectionGo(ProsodyServer server) throws Exception {
        startShell();
        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(), TlsMode.REQUIRED);
        AccountId account = shell.app().sessions().connectedAccounts().getFirst();
        WeakReference<XMPPConnection> first = new WeakReference<>(shell.app().sessions().connection(account).orElseThrow());

        steps.chooseMenuItem("Accounts", "Disconnect all");
        steps.awaitStatus("Disconnected", Duration.ofSeconds(10));
        steps.chooseMenuItem("Accounts", "Connect all");
        steps.awaitStatus("Connected", Duration.ofSeconds(10));
        assertNotSame(first.get(), shell.app().sessions().connection(account).orElseThrow(), "logging in again made a new connection");

        // A login a day for a month of uptime must not keep thirty connections, each with its roster and caches.
        await(() -> {
            System.gc();
            return first.get() == null;
        }, () -> "the first connection (with its roster and caches) is still held after logging in again");
    }

    @Test
    void aShellClosedAfterLoggingInIsNotKeptOnceTheNextStarts(ProsodyServer server) throws Exception {
        startShell();
        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(), TlsMode.REQUIRED);
        WeakReference<WellJabberApp> closed = new WeakReference<>(shell.app());

        shell.stop();
        // The test harness reuses one window, whose close handler is the last shell's until the next one sets its own.
        startShell();

        // Whatever opens shells one after another in a JVM (these tests, the benchmarks) must not pile them up.
        await(() -> {
            System.gc();
            return closed.get() == null;
        }, () -> "the closed shell (its plugins, its conversations, its database caches) is still held after the next shell started");
    }
}
