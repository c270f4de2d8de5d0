package welljabber.app.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The drop-in jars the plugin tests use, good and bad. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** Adds a Help menu item and a status bar label; the proof that a drop-in plugin runs. */
    public static Path hello(Path folder) throws IOException {
        return PluginJarBuilder.plugin("welljabber.plugin.hello", "hello", "ApiVersion.MAJOR", """
                context.ui().addMenuAction(new welljabber.api.ui.MenuAction("hello", welljabber.api.ui.MenuLocation.HELP,
                        "Say hello", java.util.Optional.empty(), () -> context.ui().notify("Hello", "Hello from a plugin")));
                javafx.scene.control.Label label = new javafx.scene.control.Label("hello plugin here");
                label.setId("helloStatus");
                context.ui().addStatusBarItem(new welljabber.api.ui.StatusBarItem("hello", 0, label));
                """).build(folder.resolve("hello-plugin.jar"));
    }

    /** Adds "Wave at…" to the contact menu; choosing it shows whom it waved at in the status bar. */
    public static Path contactAction(Path folder) throws IOException {
        return PluginJarBuilder.plugin("welljabber.plugin.wave", "wave", "ApiVersion.MAJOR", """
                javafx.scene.control.Label label = new javafx.scene.control.Label("no wave yet");
                label.setId("waveStatus");
                context.ui().addStatusBarItem(new welljabber.api.ui.StatusBarItem("wave", 0, label));
                context.ui().addContactAction(new welljabber.api.ui.ContactAction("wave", "Wave at…", 10,
                        (account, contact) -> label.setText("waved at " + contact)));
                """).build(folder.resolve("wave-plugin.jar"));
    }

    public static Path throwsInStart(Path folder) throws IOException {
        return PluginJarBuilder.plugin("welljabber.plugin.broken", "broken", "ApiVersion.MAJOR", """
                context.ui().addMenuAction(new welljabber.api.ui.MenuAction("broken", welljabber.api.ui.MenuLocation.HELP,
                        "Broken item", java.util.Optional.empty(), () -> { }));
                throw new IllegalStateException("the broken plugin's own failure");
                """).build(folder.resolve("broken-plugin.jar"));
    }

    public static Path futureApi(Path folder) throws IOException {
        return PluginJarBuilder.plugin("welljabber.plugin.future", "future", "ApiVersion.MAJOR + 1", "")
                .build(folder.resolve("future-plugin.jar"));
    }

    public static Path sameIdAsHello(Path folder) throws IOException {
        return PluginJarBuilder.plugin("welljabber.plugin.hellotwin", "hello", "ApiVersion.MAJOR", "")
                .build(folder.resolve("hello-twin.jar"));
    }

    public static Path notAPlugin(Path folder) throws IOException {
        return PluginJarBuilder.module("some.library")
                .source("module-info.java", "module some.library { exports some.library; }")
                .source("some/library/Thing.java", "package some.library; public final class Thing { }")
                .build(folder.resolve("some-library.jar"));
    }

    public static Path corrupt(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve("corrupt.jar"), "this is not a zip file".getBytes());
    }
}
