package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginState;
import welljabber.app.plugins.TestPlugins;

/** Help → Plugins as a plugin manager: disable and enable, install from a jar, remove. */
class PluginManagerUiTest extends ShellUiTest {
    private static final String HELLO = "Test plugin hello";

    @Test
    void aDisabledPluginStopsAtOnceStaysOffAfterARestartAndRunsAgainWhenEnabled() throws Exception {
        shell = ShellFixture.newProfile();
        Path profile = shell.profile();
        TestPlugins.hello(shell.paths().plugins());
        shell.start();
        verifyThat("#helloStatus", isVisible());

        openPlugins();
        robot.clickOn("Server information");
        assertFalse(button("#pluginDisable").isDisabled(), "bundled plugins can be disabled too");
        robot.clickOn(HELLO);
        assertEquals("WellJabber tests", text("#pluginAuthor"));
        assertTrue(text("#pluginApi").startsWith(welljabber.api.plugin.ApiVersion.running().toString()), text("#pluginApi"));
        assertTrue(button("#pluginEnable").isDisabled(), "a running plugin cannot be enabled");
        robot.clickOn("#pluginDisable");
        waitUntil(() -> robot.lookup("#helloStatus").tryQuery().isEmpty(), "the status bar item stays after disabling");
        assertEquals(PluginState.DISABLED, hello().state());
        assertEquals("Disabled", text("#pluginState"));
        waitUntil(() -> !button("#pluginInstall").isDisabled(), "the choice is still being saved");
        robot.clickOn("Close");
        assertFalse(helpMenuHas("Say hello"), "the disabled plugin's menu item is still there");

        shell.stop();
        shell = ShellFixture.on(profile);
        shell.start();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#helloStatus").tryQuery().isEmpty(), "a disabled plugin was started at launch");
        assertEquals(PluginState.DISABLED, hello().state());
        assertTrue(robot.lookup("#pluginFailures").tryQuery().isEmpty(), "a disabled plugin is no failure to report");
        assertFalse(helpMenuHas("Say hello"), "the disabled plugin's menu item came back after a restart");

        openPlugins();
        robot.clickOn(HELLO);
        assertTrue(button("#pluginDisable").isDisabled());
        robot.clickOn("#pluginEnable");
        waitUntil(() -> robot.lookup("#helloStatus").tryQuery().isPresent(), "the enabled plugin did not start");
        verifyThat("#helloStatus", isVisible());
        assertEquals(PluginState.RUNNING, hello().state());
        assertEquals("Running", text("#pluginState"));
        waitUntil(() -> !button("#pluginInstall").isDisabled(), "the choice is still being saved");
        robot.clickOn("Close");
        assertTrue(helpMenuHas("Say hello"), "the enabled plugin's menu item is missing");

        shell.stop();
        shell = ShellFixture.on(profile);
        shell.start();
        assertEquals(PluginState.RUNNING, hello().state(), "enabling is remembered too");
        verifyThat("#helloStatus", isVisible());
    }

    @Test
    void aJarIsInstalledAndRunsWithoutARestartARefusedOneIsNotKeptAndRemovingDeletesIt() throws Exception {
        Path elsewhere = Files.createTempDirectory("plugin-downloads-");
        Path helloJar = TestPlugins.hello(elsewhere);
        AtomicReference<Path> chosen = new AtomicReference<>(helloJar);
        shell = ShellFixture.newProfile().answerFileDialogsWith((owner, title, filter) -> {
            assertTrue(filter.getExtensions().contains("*.jar"), "the file dialog must offer jar files");
            return Optional.ofNullable(chosen.get());
        });
        shell.start();
        Path installed = shell.paths().plugins().resolve("hello-plugin.jar");
        assertTrue(robot.lookup("#helloStatus").tryQuery().isEmpty());

        TableView<?> table = openPlugins();
        int before = table.getItems().size();
        robot.clickOn("#pluginInstall");
        waitUntil(() -> robot.lookup("#helloStatus").tryQuery().isPresent(), "the installed plugin did not start");
        verifyThat("#helloStatus", isVisible());
        assertEquals(PluginState.RUNNING, hello().state());
        assertEquals(installed, hello().origin().dropIn().orElseThrow());
        assertTrue(Files.isRegularFile(installed), "the jar was not copied into the profile's plugins folder");
        assertEquals(before + 1, table.getItems().size());
        assertTrue(robot.lookup(HELLO).tryQuery().isPresent(), "the installed plugin is not listed");
        waitUntil(() -> text("#pluginsMessage").equals("Installed hello-plugin.jar."), "no word that it was installed");
        Screenshots.take(robot, table.getScene().getRoot(), "plugin-manager");

        // A jar for another api is refused in a plain sentence, and not kept.
        chosen.set(TestPlugins.futureApi(elsewhere));
        robot.clickOn("#pluginInstall");
        waitUntil(() -> text("#pluginsMessage").contains("was built for WellJabber plugin API " + (welljabber.api.plugin.ApiVersion.MAJOR + 1) + "." + welljabber.api.plugin.ApiVersion.MINOR + ""), "no refusal shown");
        assertTrue(robot.lookup((Label label) -> label.getText().contains("was built for WellJabber plugin API " + (welljabber.api.plugin.ApiVersion.MAJOR + 1) + "." + welljabber.api.plugin.ApiVersion.MINOR + "")
                && label.isVisible()).tryQuery().isPresent(), "the refusal is not visible");
        assertFalse(Files.exists(shell.paths().plugins().resolve("future-plugin.jar")), "the refused jar was kept");
        assertEquals(before + 1, table.getItems().size());
        Screenshots.take(robot, table.getScene().getRoot(), "plugin-manager-refused");

        // The same file name twice is refused too, and the first stays.
        chosen.set(helloJar);
        robot.clickOn("#pluginInstall");
        waitUntil(() -> text("#pluginsMessage").contains("already has a file named hello-plugin.jar"), "no refusal shown");
        assertEquals(PluginState.RUNNING, hello().state());

        // Bundled plugins cannot be removed, and the dialog says why.
        robot.clickOn("Server information");
        assertTrue(button("#pluginRemove").isDisabled());
        assertEquals("Bundled plugins come with WellJabber and cannot be removed; you can disable them instead.",
                robot.lookup("#pluginRemoveHolder").query().getAccessibleHelp());
        robot.moveTo("#pluginRemoveHolder");
        waitUntil(() -> robot.lookup(".tooltip").tryQuery().isPresent(), "no tooltip over the disabled Remove button");

        robot.clickOn(HELLO);
        robot.clickOn("#pluginRemove");
        verifyThat("#pluginRemoveConfirm", isVisible());
        robot.clickOn("OK");
        waitUntil(() -> !Files.exists(installed), "the removed plugin's jar is still in the plugins folder");
        waitUntil(() -> text("#pluginsMessage").equals("Removed Test plugin hello."), "no word that it was removed");
        assertTrue(shell.app().pluginRecords().stream().noneMatch(r -> r.id().equals("hello")), "the removed plugin is still known");
        assertEquals(before, table.getItems().size());
        assertTrue(robot.lookup(HELLO).tryQuery().isEmpty(), "the removed plugin is still listed");
        assertTrue(robot.lookup("#helloStatus").tryQuery().isEmpty(), "the removed plugin still runs");
        robot.clickOn("Close");
        assertFalse(helpMenuHas("Say hello"), "the removed plugin's menu item is still there");
    }

    private TableView<?> openPlugins() {
        robot.clickOn("Help").clickOn("Plugins…");
        return robot.lookup("#pluginsTable").queryAs(TableView.class);
    }

    private boolean helpMenuHas(String item) {
        robot.clickOn("Help");
        boolean present = robot.lookup(item).tryQuery().isPresent();
        robot.type(KeyCode.ESCAPE);
        return present;
    }

    private PluginRecord hello() {
        return shell.app().pluginRecords().stream().filter(r -> r.id().equals("hello")).findFirst().orElseThrow();
    }

    private Button button(String query) {
        return robot.lookup(query).queryAs(Button.class);
    }


    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String failure) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException timeout) {
            throw new AssertionError(failure, timeout);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
