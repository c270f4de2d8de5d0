package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;

import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;


class ShellSmokeTest extends ShellUiTest {

    @Test
    void aNewProfileShowsTheWelcomeAndNoAccount() throws Exception {
        startShell();
        verifyThat("#welcome", isVisible());
        verifyThat("#connectionStatus", LabeledMatchers.hasText("No account yet"));
        assertTrue(java.nio.file.Files.exists(shell.paths().database().resolveSibling("welljabber.mv.db")),
                "the profile's database was not created");
        robot.clickOn("Help").clickOn("Plugins…");
        verifyThat("#pluginsTable", isVisible());
    }
}
