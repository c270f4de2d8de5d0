package welljabber.app.instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import welljabber.app.profile.ProfilePaths;

/**
 * Where the WellJabber that has a profile open listens for a second start of the same profile (a
 * desktop opening an {@code xmpp:} link, the user starting it again): a Unix domain socket in the
 * profile's data folder, which only its user can reach.
 *
 * <p>One line each way, UTF-8: the second start sends {@code show} or {@code open <xmpp: URI>}, the
 * running one answers {@code ok}.
 */
public final class InstanceSocket {
    /** A path longer than this does not fit a Unix socket address on Linux (108 bytes with the terminator). */
    private static final int MAX_PATH_BYTES = 107;
    /** The longest request line read: an xmpp: link with a long message body fits; anything longer is refused. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;
    static final String SHOW = "show";
    static final String OPEN = "open ";
    static final String OK = "ok";

    private InstanceSocket() {
    }

    /** The socket of this profile, or empty when its path is too long for a socket address. */
    public static Optional<Path> of(ProfilePaths paths) {
        Path socket = paths.data().resolve("instance.sock").toAbsolutePath();
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES ? Optional.of(socket) : Optional.empty();
    }
}
