package welljabber.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import welljabber.app.cli.CommandLine;
import welljabber.app.profile.ProfilePaths;

/**
 * How this process was started: the profile, the command line, and the plugin folders to scan
 * (the installation's own, then the profile's).
 */
public record Launch(ProfilePaths paths, CommandLine commandLine, List<Path> pluginFolders, boolean allowKeyring) {

    public static Launch of(CommandLine commandLine, ProfilePaths paths) {
        List<Path> folders = new java.util.ArrayList<>();
        installationPlugins().ifPresent(folders::add);
        folders.add(paths.plugins());
        return new Launch(paths, commandLine, List.copyOf(folders), true);
    }

    /** {@code <install>/plugins} when the launcher tells us where the installation is. */
    private static Optional<Path> installationPlugins() {
        String home = System.getProperty("welljabber.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, "plugins"));
    }
}
