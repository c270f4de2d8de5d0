package welljabber.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilePathsTest {
    private static final Map<String, String> HOME_ONLY = Map.of("HOME", "/home/alice");

    @Test
    void profileOverridePutsEverythingInsideIt(@TempDir Path profile) {
        ProfilePaths paths = ProfilePaths.resolve(Optional.of(profile),
                Map.of("HOME", "/home/alice", "XDG_DATA_HOME", "/xdg/data", "XDG_CONFIG_HOME", "/xdg/config"));
        assertEquals(profile, paths.data());
        assertEquals(profile.resolve("config"), paths.config());
        assertEquals(profile.resolve("logs"), paths.logs());
        assertEquals(profile.resolve("plugins"), paths.plugins());
        assertEquals(profile.resolve("welljabber"), paths.database());
        assertEquals(profile.resolve("config/settings.properties"), paths.settingsFile());
    }

    @Test
    void relativeProfileOverrideIsMadeAbsoluteAndNormalised() {
        ProfilePaths paths = ProfilePaths.resolve(Optional.of(Path.of("some/../test-profile")), HOME_ONLY);
        Path expected = Path.of("test-profile").toAbsolutePath();
        assertTrue(paths.data().isAbsolute());
        assertEquals(expected, paths.data());
        assertEquals(expected.resolve("config"), paths.config());
        assertEquals(expected.resolve("logs"), paths.logs());
    }

    @Test
    void xdgVariablesAreHonoured() {
        ProfilePaths paths = ProfilePaths.resolve(Optional.empty(), Map.of("HOME", "/home/alice",
                "XDG_DATA_HOME", "/xdg/data", "XDG_CONFIG_HOME", "/xdg/config", "XDG_STATE_HOME", "/xdg/state"));
        assertEquals(Path.of("/xdg/data/welljabber"), paths.data());
        assertEquals(Path.of("/xdg/config/welljabber"), paths.config());
        assertEquals(Path.of("/xdg/state/welljabber/logs"), paths.logs());
        assertEquals(Path.of("/xdg/data/welljabber/plugins"), paths.plugins());
        assertEquals(Path.of("/xdg/config/welljabber/settings.properties"), paths.settingsFile());
    }

    @Test
    void defaultsLiveUnderHome() {
        ProfilePaths paths = ProfilePaths.resolve(Optional.empty(), HOME_ONLY);
        assertEquals(Path.of("/home/alice/.local/share/welljabber"), paths.data());
        assertEquals(Path.of("/home/alice/.config/welljabber"), paths.config());
        assertEquals(Path.of("/home/alice/.local/state/welljabber/logs"), paths.logs());
        assertEquals(Path.of("/home/alice/.local/share/welljabber/welljabber"), paths.database());
    }

    @Test
    void relativeOrEmptyXdgValuesAreIgnored() {
        Map<String, String> environment = new HashMap<>(HOME_ONLY);
        environment.put("XDG_DATA_HOME", "relative/data");
        environment.put("XDG_CONFIG_HOME", "");
        environment.put("XDG_STATE_HOME", "   ");
        ProfilePaths paths = ProfilePaths.resolve(Optional.empty(), environment);
        assertEquals(Path.of("/home/alice/.local/share/welljabber"), paths.data());
        assertEquals(Path.of("/home/alice/.config/welljabber"), paths.config());
        assertEquals(Path.of("/home/alice/.local/state/welljabber/logs"), paths.logs());
    }

    @Test
    void eachXdgVariableOnlyMovesItsOwnFolder() {
        ProfilePaths paths = ProfilePaths.resolve(Optional.empty(), Map.of("HOME", "/home/alice", "XDG_STATE_HOME", "/var/state"));
        assertEquals(Path.of("/home/alice/.local/share/welljabber"), paths.data());
        assertEquals(Path.of("/home/alice/.config/welljabber"), paths.config());
        assertEquals(Path.of("/var/state/welljabber/logs"), paths.logs());
    }

    @Test
    void createMakesAllFolders(@TempDir Path root) {
        ProfilePaths paths = ProfilePaths.resolve(Optional.empty(), Map.of("HOME", root.toString())).create();
        assertTrue(Files.isDirectory(paths.data()));
        assertTrue(Files.isDirectory(paths.config()));
        assertTrue(Files.isDirectory(paths.logs()));
        assertTrue(Files.isDirectory(paths.plugins()));
        assertTrue(paths.data().startsWith(root));
        // Creating again is harmless.
        assertEquals(paths, paths.create());
    }
}
