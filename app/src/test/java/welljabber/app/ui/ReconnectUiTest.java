package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import welljabber.app.account.TlsMode;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;

/** The server goes away while connected and comes back: the shell says so and reconnects by itself. */
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
}
