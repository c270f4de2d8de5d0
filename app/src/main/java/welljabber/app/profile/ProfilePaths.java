package welljabber.app.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a profile keeps its things, after the XDG base directory spec: data (database, drop-in
 * plugins) under {@code $XDG_DATA_HOME/welljabber}, settings under {@code $XDG_CONFIG_HOME/welljabber},
 * logs under {@code $XDG_STATE_HOME/welljabber/logs}. {@code --profile DIR} puts all three inside DIR,
 * so a profile folder can be copied or thrown away whole (tests and the sandbox rely on that).
 */
public record ProfilePaths(Path data, Path config, Path logs) {

    public static ProfilePaths resolve(Optional<Path> profileOverride, Map<String, String> environment) {
        if (profileOverride.isPresent()) {
            Path root = profileOverride.get().toAbsolutePath().normalize();
            return new ProfilePaths(root, root.resolve("config"), root.resolve("logs"));
        }
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        Path data = xdg(environment, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("welljabber");
        Path config = xdg(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("welljabber");
        Path state = xdg(environment, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("welljabber");
        return new ProfilePaths(data, config, state.resolve("logs"));
    }

    /** The spec says a relative or empty value is invalid and must be ignored. */
    private static Path xdg(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }

    /** Drop-in plugin jars of this profile. */
    public Path plugins() {
        return data.resolve("plugins");
    }

    /** The H2 database file, without H2's ".mv.db" suffix. */
    public Path database() {
        return data.resolve("welljabber");
    }

    public Path settingsFile() {
        return config.resolve("settings.properties");
    }

    /** Creates the folders, readable by the user only where the spec asks for it. */
    public ProfilePaths create() {
        try {
            for (Path folder : new Path[] {data, config, logs, plugins()}) {
                Files.createDirectories(folder);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the profile folders under " + data, e);
        }
    }
}
