package welljabber.app.ui;

import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;

import welljabber.app.ShellFixture;

/** What every UI test of the shell shares: a robot, the account steps, and a shell closed after each test. */
abstract class ShellUiTest {
    protected final FxRobot robot = new FxRobot();
    protected final AccountSteps steps = new AccountSteps(robot);
    protected ShellFixture shell;

    /** Starts the real shell on a profile of its own. */
    protected ShellFixture startShell() throws Exception {
        shell = ShellFixture.newProfile();
        shell.start();
        return shell;
    }

    @AfterEach
    void closeShell() throws Exception {
        if (shell != null) {
            shell.close();
        }
    }
}
