package welljabber.app.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code welljabber [--profile DIR] [--sandbox] [xmpp:URI]}. Parsing never exits the process: a
 * mistake comes back as an {@link IllegalArgumentException} whose message is the plain sentence to print.
 */
public record CommandLine(Optional<Path> profile, boolean sandbox, Optional<XmppUri> uri, boolean help) {

    public static final String USAGE = """
            Usage: welljabber [--profile DIR] [--sandbox] [xmpp:URI]
              --profile DIR  keep accounts, history, settings and logs in DIR
              --sandbox      start a throwaway local XMPP server with demo accounts and log in to it
              xmpp:URI       open the account and conversation the URI names (RFC 5122)
              --help         show this help""";

    public static CommandLine parse(String... args) {
        Optional<Path> profile = Optional.empty();
        boolean sandbox = false;
        boolean help = false;
        Optional<XmppUri> uri = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--profile")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--profile needs a folder, for example --profile ~/welljabber-test");
                }
                profile = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--profile=")) {
                String folder = arg.substring("--profile=".length());
                if (folder.isBlank()) {
                    throw new IllegalArgumentException("--profile needs a folder, for example --profile ~/welljabber-test");
                }
                profile = Optional.of(Path.of(folder));
            } else if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.regionMatches(true, 0, "xmpp:", 0, 5)) {
                if (uri.isPresent()) {
                    throw new IllegalArgumentException("Give at most one xmpp: address.");
                }
                uri = Optional.of(XmppUri.parse(arg));
            } else if (arg.startsWith("-psn_") || arg.startsWith("-Dglass")) {
                // Left by some desktop launchers; not ours to complain about.
                continue;
            } else {
                throw new IllegalArgumentException("Unknown option: " + arg + "\n" + USAGE);
            }
        }
        return new CommandLine(profile, sandbox, uri, help);
    }
}
