package welljabber.app.instance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The side of a start that finds its profile already open: hands the request (an {@code xmpp:} link
 * or just "show yourself") to the running WellJabber, so the link is not lost and the profile's
 * database is not opened twice.
 */
public final class SecondStart {
    /** A running WellJabber answers at once; one that does not within this is treated as gone. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private SecondStart() {
    }

    /**
     * Sends {@code uri} (the link as given, or empty for "show the window") to the WellJabber listening
     * on {@code socket}. True when it answered that it took it; false when none is listening there,
     * which is the normal case: then this start goes on as the only one. Costs a file check when no
     * socket exists.
     */
    public static boolean handOver(Path socket, Optional<String> uri) {
        if (!Files.exists(socket)) {
            return false;
        }
        FutureTask<Boolean> exchange = new FutureTask<>(() -> exchange(socket, uri));
        Thread.ofVirtual().name("welljabber-second-start").start(exchange);
        try {
            return exchange.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException silent) {
            exchange.cancel(true);
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exchange(Path socket, Optional<String> uri) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = uri.map(text -> InstanceSocket.OPEN + text).orElse(InstanceSocket.SHOW) + "\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.shutdownOutput();
            ByteBuffer answer = ByteBuffer.allocate(16);
            while (channel.read(answer) >= 0 && answer.hasRemaining()) {
                // the answer is a few bytes; read until the other side closes
            }
            answer.flip();
            return StandardCharsets.UTF_8.decode(answer).toString().strip().equals(InstanceSocket.OK);
        } catch (IOException refusedOrStale) {
            return false; // a socket file left by a WellJabber that crashed: nobody is listening
        }
    }
}
