package welljabber.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether Prosody is installed, and installing it with apt. Never runs {@code prosody} itself:
 * without {@code --config} it would start the system-wide server.
 */
public final class ProsodyInstallation {

    /** The command a person should run when Prosody is missing. */
    public static final String INSTALL_HINT = "apt-get install -y prosody";

    private static final Duration APT_TIMEOUT = Duration.ofMinutes(15);

    private ProsodyInstallation() {
    }

    /** Whether both {@code prosody} and {@code prosodyctl} are found (on {@code PATH} or in the system folders). */
    public static boolean isInstalled() {
        return prosodyExecutable().isPresent() && prosodyctlExecutable().isPresent();
    }

    public static Optional<Path> prosodyExecutable() {
        return Executables.find("prosody");
    }

    public static Optional<Path> prosodyctlExecutable() {
        return Executables.find("prosodyctl");
    }

    /** Whether this process runs as root (user id 0). */
    public static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] fields = line.substring(4).trim().split("\\s+");
                    return fields.length > 1 && "0".equals(fields[1]); // effective user id
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Installs Prosody with {@code apt-get update} and {@code apt-get install -y prosody}, as root
     * directly or through {@code sudo -n} (never asks for a password). Says each command before it
     * runs it, and passes the commands' output on line by line.
     *
     * @throws IllegalStateException if neither root nor password-less sudo is available, or apt-get is missing
     * @throws IOException           if a command fails
     */
    public static void installWithApt(Consumer<String> say) throws IOException {
        Path aptGet = Executables.find("apt-get").orElseThrow(() -> new IllegalStateException(
                "Cannot install Prosody: apt-get was not found (this is not a Debian/Ubuntu system). "
                        + "Install the prosody package with your system's package manager."));
        List<String> prefix = new ArrayList<>();
        if (!runningAsRoot()) {
            Optional<Path> sudo = Executables.find("sudo");
            if (sudo.isEmpty() || !CommandRunner.run(List.of(sudo.get().toString(), "-n", "true"), Duration.ofSeconds(10)).succeeded()) {
                throw new IllegalStateException("Cannot install Prosody: this needs root, and this process is neither root "
                        + "nor allowed to use sudo without a password. Run `sudo " + INSTALL_HINT + "` yourself, then try again.");
            }
            prefix.add(sudo.get().toString());
            prefix.add("-n");
        }
        Map<String, String> environment = Map.of("DEBIAN_FRONTEND", "noninteractive");
        for (List<String> arguments : List.of(List.of("update"), List.of("install", "-y", "prosody"))) {
            List<String> command = new ArrayList<>(prefix);
            command.add(aptGet.toString());
            command.addAll(arguments);
            say.accept("Running: " + String.join(" ", command));
            CommandRunner.run(command, environment, APT_TIMEOUT, line -> say.accept("  " + line)).orThrow();
        }
        if (!isInstalled()) {
            throw new IllegalStateException("apt-get finished, but prosody and prosodyctl are still not found.");
        }
        say.accept("Prosody is installed. On machines with systemd the Debian package may also have started the "
                + "system-wide Prosody service; the sandbox does not use it and runs its own on loopback.");
    }
}
