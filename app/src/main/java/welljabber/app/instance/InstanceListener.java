package welljabber.app.instance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Consumer;

import org.tinylog.Logger;

/**
 * The running WellJabber's side: takes what a second start of the same profile asks for. Bind only
 * while holding the profile (its database is open): that proves a socket file already there is a
 * leftover of a crash, so it is replaced.
 */
public final class InstanceListener implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;

    /** What a second start asked for: an {@code xmpp:} link as given, or empty to show the window. */
    public record Request(Optional<String> uri) {
    }

    private InstanceListener(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /**
     * Listens on {@code socket}; {@code requests} is called on the listener's thread for each request.
     * Empty when the socket cannot be made (a second start then meets the profile's lock and says so).
     */
    public static Optional<InstanceListener> listen(Path socket, Consumer<Request> requests) {
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            // Other users must not hand us links (or read that we run): the socket is the user's alone.
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            InstanceListener listener = new InstanceListener(socket, server);
            Thread.ofPlatform().daemon().name("welljabber-instance").start(() -> listener.serve(requests));
            return Optional.of(listener);
        } catch (IOException | UnsupportedOperationException e) {
            Logger.warn("Cannot listen for a second start at {}: {}", socket, e.toString());
            return Optional.empty();
        }
    }

    private void serve(Consumer<Request> requests) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                Optional<Request> request = read(client);
                if (request.isPresent()) {
                    requests.accept(request.get());
                    client.write(ByteBuffer.wrap((InstanceSocket.OK + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    Logger.warn("A second start could not be heard: {}", e.toString());
                }
            } catch (RuntimeException e) {
                Logger.error(e, "A second start's request failed");
            }
        }
    }

    /** One line, at most {@link InstanceSocket#MAX_REQUEST_BYTES}; anything else is not a request. */
    private static Optional<Request> read(SocketChannel client) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (client.read(buffer) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return parse(line.toString(StandardCharsets.UTF_8));
                }
                if (line.size() >= InstanceSocket.MAX_REQUEST_BYTES) {
                    return Optional.empty();
                }
                line.write(b);
            }
            buffer.clear();
        }
        return parse(line.toString(StandardCharsets.UTF_8));
    }

    private static Optional<Request> parse(String line) {
        if (line.equals(InstanceSocket.SHOW)) {
            return Optional.of(new Request(Optional.empty()));
        }
        if (line.startsWith(InstanceSocket.OPEN) && line.length() > InstanceSocket.OPEN.length()) {
            return Optional.of(new Request(Optional.of(line.substring(InstanceSocket.OPEN.length()))));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            Logger.warn("Cannot remove {}: {}", socket, e.toString());
        }
    }
}
