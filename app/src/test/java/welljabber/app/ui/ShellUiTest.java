package welljabber.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Labeled;

import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

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

    /** The text of the label, button or other labeled node {@code query} finds. */
    protected String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** Visible in the scene: the node and all its parents. */
    protected boolean visible(String query) {
        var found = robot.lookup(query).tryQuery();
        if (found.isEmpty()) {
            return false;
        }
        for (Node node = found.get(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Waits up to 10 s for {@code condition}; fails with {@code message} if it never holds. */
    protected static void await(BooleanSupplier condition, Supplier<String> message) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError(message.get() + " (waited 10 s)", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
