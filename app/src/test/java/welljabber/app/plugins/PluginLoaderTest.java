package welljabber.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import welljabber.app.i18n.Messages;

class PluginLoaderTest {

    @Test
    void eachDropInIsLoadedOrRefusedWithAPlainSentence(@TempDir Path plugins) throws Exception {
        TestPlugins.hello(plugins);
        TestPlugins.sameIdAsHello(plugins);
        TestPlugins.futureApi(plugins);
        TestPlugins.notAPlugin(plugins);
        TestPlugins.corrupt(plugins);

        List<PluginRecord> records = new PluginLoader(new Messages(Locale.ENGLISH)).load(List.of(plugins));
        Map<String, PluginRecord> byFile = records.stream().filter(r -> r.origin().dropIn().isPresent())
                .collect(Collectors.toMap(r -> r.origin().dropIn().get().getFileName().toString(), Function.identity()));

        PluginRecord hello = byFile.get("hello-plugin.jar");
        assertEquals(PluginState.LOADED, hello.state());
        assertEquals("hello", hello.id());
        assertEquals("1.2.3", hello.version());
        assertTrue(hello.plugin().isPresent());
        assertEquals("welljabber.plugin.hello", hello.plugin().get().getClass().getModule().getName(),
                "a drop-in must be a named module in a layer of its own");
        assertTrue(hello.plugin().get().getClass().getModule().getLayer() != ModuleLayer.boot());

        assertFailed(byFile.get("hello-twin.jar"), "Another plugin with the id \"hello\" is already loaded.");
        assertFailed(byFile.get("future-plugin.jar"), "was built for WellJabber plugin API " + (welljabber.api.plugin.ApiVersion.MAJOR + 1) + "." + welljabber.api.plugin.ApiVersion.MINOR);
        assertFailed(byFile.get("some-library.jar"), "The jar contains no WellJabber plugin.");
        assertFailed(byFile.get("corrupt.jar"), "is not a readable Java module or jar");
        assertEquals(5, byFile.size(), "every jar must be accounted for: " + byFile.keySet());
    }

    @Test
    void twoDropInsDoNotSeeEachOthersClasses(@TempDir Path plugins) throws Exception {
        TestPlugins.hello(plugins);
        TestPlugins.throwsInStart(plugins);
        List<PluginRecord> records = new PluginLoader(new Messages(Locale.ENGLISH)).load(List.of(plugins));
        ClassLoader helloLoader = records.stream().filter(r -> r.id().equals("hello")).findFirst().orElseThrow()
                .plugin().orElseThrow().getClass().getClassLoader();
        ClassLoader brokenLoader = records.stream().filter(r -> r.id().equals("broken")).findFirst().orElseThrow()
                .plugin().orElseThrow().getClass().getClassLoader();
        assertTrue(helloLoader != brokenLoader, "each drop-in gets its own class loader");
        assertThrowsClassNotFound(helloLoader, "testplugin.broken.TestPlugin");
    }

    @Test
    void oneDropInIsLoadedOnDemandAndMayNotTakeAnIdInUse(@TempDir Path plugins) throws Exception {
        PluginLoader loader = new PluginLoader(new Messages(Locale.ENGLISH));
        Path hello = TestPlugins.hello(plugins);

        List<PluginRecord> fresh = loader.loadOne(hello, java.util.Set.of("serverinfo"));
        assertEquals(1, fresh.size(), fresh.toString());
        assertEquals(PluginState.LOADED, fresh.get(0).state());
        assertTrue(fresh.get(0).startable());
        assertEquals("WellJabber tests", fresh.get(0).author());

        List<PluginRecord> taken = loader.loadOne(hello, java.util.Set.of("hello"));
        assertFailed(taken.get(0), "Another plugin with the id \"hello\" is already loaded.");
        assertTrue(!taken.get(0).startable(), "a refused plugin keeps no instance to start");
    }

    private static void assertThrowsClassNotFound(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            throw new AssertionError(name + " was visible from another plugin's loader");
        } catch (ClassNotFoundException expected) {
            // the layers keep them apart
        }
    }

    private static void assertFailed(PluginRecord record, String sentence) {
        assertEquals(PluginState.FAILED, record.state(), record.toString());
        assertTrue(record.problem().orElse("").contains(sentence), "expected \"" + sentence + "\" in " + record.problem());
    }
}
