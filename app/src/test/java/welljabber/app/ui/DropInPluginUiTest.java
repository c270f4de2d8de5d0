package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import welljabber.app.ShellFixture;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginState;
import welljabber.app.plugins.TestPlugins;

/** Plugin jars dropped into the profile's plugins folder, one working and one that throws in start. */
class DropInPluginUiTest extends ShellUiTest {

    /** The plugins the app ships on its module path. */
    private static final java.util.List<String> BUNDLED = java.util.List.of("chat", "roster", "serverinfo");

    @Test
    void aDropInPluginRunsAndABrokenOneIsReportedWhileTheShellGoesOn() throws Exception {
        shell = ShellFixture.newProfile();
        TestPlugins.hello(shell.paths().plugins());
        TestPlugins.throwsInStart(shell.paths().plugins());
        shell.start();

        verifyThat("#pluginFailures", isVisible());
        String report = robot.lookup("#pluginFailures").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertTrue(report.contains("The plugin failed to start: the broken plugin's own failure"), report);
        robot.clickOn("OK");

        verifyThat("#helloStatus", isVisible());
        robot.clickOn("Help");
        assertTrue(robot.lookup("Say hello").tryQuery().isPresent(), "the drop-in plugin's menu item is missing");
        assertTrue(robot.lookup("Broken item").tryQuery().isEmpty(),
                "what a plugin registered before it failed must be undone");
        robot.clickOn("Plugins…");
        TableView<?> table = robot.lookup("#pluginsTable").queryAs(TableView.class);
        assertEquals(BUNDLED.size() + 2, table.getItems().size(), "the bundled plugins, hello and the broken one");
        for (String id : BUNDLED) {
            PluginRecord bundled = shell.app().pluginRecords().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            assertTrue(bundled.origin().bundled(), "the " + id + " plugin is not listed as bundled");
            assertEquals(PluginState.RUNNING, bundled.state(), id);
        }
        PluginRecord hello = shell.app().pluginRecords().stream().filter(r -> r.id().equals("hello")).findFirst().orElseThrow();
        assertEquals(PluginState.RUNNING, hello.state());
        assertTrue(hello.origin().dropIn().orElseThrow().startsWith(shell.paths().plugins()));
        PluginRecord broken = shell.app().pluginRecords().stream().filter(r -> r.id().equals("broken")).findFirst().orElseThrow();
        assertEquals(PluginState.FAILED, broken.state());
        assertTrue(robot.lookup("Test plugin hello").tryQuery().isPresent(), "Help → Plugins does not list the plugin");
        assertTrue(robot.lookup("1.2.3").tryQuery().isPresent(), "Help → Plugins does not show the version");
        robot.clickOn("Close");

        // The shell is still usable.
        robot.clickOn("Accounts").clickOn("Manage accounts…");
        verifyThat("#accountsTable", isVisible());
        robot.clickOn("Close");
    }

    @Test
    void everyKindOfBadJarIsRefusedWithItsSentenceInThePluginManager() throws Exception {
        shell = ShellFixture.newProfile();
        var folder = shell.paths().plugins();
        TestPlugins.hello(folder);
        TestPlugins.sameIdAsHello(folder);
        TestPlugins.futureApi(folder);
        TestPlugins.notAPlugin(folder);
        TestPlugins.corrupt(folder);
        shell.start();

        String report = robot.lookup("#pluginFailures").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        robot.clickOn("OK");
        robot.clickOn("Help").clickOn("Plugins…");
        TableView<?> table = robot.lookup("#pluginsTable").queryAs(TableView.class);
        String[] sentences = {
            "Another plugin with the id \"hello\" is already loaded.",
            "The plugin was built for WellJabber plugin API " + (welljabber.api.plugin.ApiVersion.MAJOR + 1) + "." + welljabber.api.plugin.ApiVersion.MINOR + ", but this WellJabber offers API " + welljabber.api.plugin.ApiVersion.running() + ".",
            "The jar contains no WellJabber plugin.",
            "is not a readable Java module or jar"};
        for (String sentence : sentences) {
            assertTrue(report.contains(sentence), "the start-up report lacks: " + sentence + "\n" + report);
            assertTrue(robot.lookup(node -> node instanceof javafx.scene.control.Labeled labeled
                    && labeled.getText() != null && labeled.getText().contains(sentence)).tryQuery().isPresent(),
                    "the plugin manager does not show: " + sentence);
        }
        // The good one still runs, and the shell is still usable.
        verifyThat("#helloStatus", isVisible());
        assertEquals(BUNDLED.size() + 5, table.getItems().size(), "the bundled plugins, hello and the four refused jars");
        robot.clickOn("Close");
        robot.clickOn("Accounts").clickOn("Manage accounts…");
        verifyThat("#accountsTable", isVisible());
        robot.clickOn("Close");
    }
}
