package welljabber.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Application;

import welljabber.app.cli.CommandLine;
import welljabber.app.i18n.Messages;
import welljabber.app.instance.InstanceSocket;
import welljabber.app.instance.SecondStart;
import welljabber.app.logging.Logging;
import welljabber.app.profile.ProfilePaths;

/** {@code welljabber [--profile DIR] [--sandbox] [xmpp:URI]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException mistake) {
            System.err.println(mistake.getMessage());
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        Optional<Path> profile = commandLine.profile();
        if (profile.isEmpty() && commandLine.sandbox()) {
            // The sandbox's demo accounts must not mix with the user's real profile.
            try {
                profile = Optional.of(Files.createTempDirectory("welljabber-sandbox-"));
            } catch (IOException e) {
                System.err.println("Cannot create a folder for the sandbox profile: " + e.getMessage());
                System.exit(1);
                return;
            }
            commandLine = new CommandLine(profile, true, commandLine.uri(), false);
        }
        ProfilePaths paths = ProfilePaths.resolve(profile, System.getenv());
        // One WellJabber per profile: a second start hands its link (or just "show yourself") to the running one.
        Optional<String> link = Arrays.stream(args).filter(arg -> arg.regionMatches(true, 0, "xmpp:", 0, 5)).findFirst();
        if (!commandLine.sandbox() && InstanceSocket.of(paths).map(socket -> SecondStart.handOver(socket, link)).orElse(false)) {
            System.out.println(new Messages(Locale.getDefault()).get("instance.handedOver"));
            return;
        }
        // Logging is set up first on the profile thread: nothing logs before it is (the toolkit does not use tinylog).
        WellJabberApp.prepare(Launch.of(commandLine, paths), () -> {
            paths.create();
            Logging.configure(paths.logs(), Boolean.getBoolean("welljabber.logToConsole"));
        });
        Application.launch(WellJabberApp.class, args);
    }
}
