package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import welljabber.app.ShellFixture;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;

/** The server goes away while connected and comes back: the shell says so and reconnects by itself. */
@WithProsody(accounts = {"me:secret"})
class ReconnectUiTest {
    private final FxRobot robot = new FxRobot();
    private final AccountSteps steps = new AccountSteps(robot);
    private ShellFixture shell;

    @AfterEach
    void close() throws Exception {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void killingTheServerShowsReconnectingAndItComesBackWithinTenSecondsOfTheServer(ProsodyServer server)
            throws Exception {
        shell = ShellFixture.newProfile();
        shell.start();
        steps.addAccount("me@localhost", "secret", server.host(), server.c2sPort());
        steps.awaitTrustDialog();
        robot.clickOn("#trustOnce");
        steps.awaitStatus("Connected", Duration.ofSeconds(10));

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
