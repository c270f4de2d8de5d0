package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;

/** Editing and removing accounts, keyboard shortcuts, and the window remembering its size. */
class AccountManagementUiTest extends ShellUiTest {

    @Test
    void editThenRemoveAnAccountAndItsRememberedPassword() throws Exception {
        startShell();
        steps.addAccount("me@example.invalid", "first-password", "127.0.0.1", 1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        verifyThat("#accountsTable", isVisible());
        TableView<?> table = robot.lookup("#accountsTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());

        robot.clickOn("#accountEdit");
        assertEquals("me@example.invalid", robot.lookup("#accountJid").queryAs(TextInputControl.class).getText());
        steps.fill("#accountResource", "Laptop");
        robot.clickOn("#saveAccount");
        robot.clickOn("Close");

        // The edit must survive a restart.
        shell.stop();
        shell = ShellFixture.on(shell.profile());
        shell.start();
        robot.clickOn("Accounts").clickOn("Manage accounts…");
        table = robot.lookup("#accountsTable").queryAs(TableView.class);
        robot.clickOn("#accountEdit");
        assertEquals("Laptop", robot.lookup("#accountResource").queryAs(TextInputControl.class).getText());
        robot.clickOn("Cancel");

        var passwords = shell.paths().config().resolve("passwords.properties");
        assertTrue(Files.readString(passwords).contains("="), "the remembered password was not stored");
        robot.clickOn("#accountRemove");
        robot.clickOn("OK");
        TableView<?> accounts = table;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> accounts.getItems().isEmpty());
        assertFalse(Files.readString(passwords).contains("="), "removing the account must delete its password");
        robot.clickOn("Close");
        assertEquals("No account yet", robot.lookup("#connectionStatus").queryAs(Label.class).getText());
    }

    @Test
    void theWindowOpensAgainWithTheSizeItWasClosedAt() throws Exception {
        startShell();
        Stage stage = ShellFixture.stage();
        ShellFixture.onFx(() -> {
            stage.setWidth(900);
            stage.setHeight(640);
        });
        shell.stop();
        shell = ShellFixture.on(shell.profile());
        shell.start();
        Stage reopened = ShellFixture.stage();
        assertEquals(900, reopened.getWidth(), 1);
        assertEquals(640, reopened.getHeight(), 1);
    }
}
