package welljabber.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import welljabber.app.profile.ProfilePaths;

/** A second start of a profile and the running WellJabber, over a real Unix domain socket. */
class InstanceListenerTest {
    @TempDir
    Path profile;

    private Path socket() {
        return InstanceSocket.of(ProfilePaths.resolve(Optional.of(profile), java.util.Map.of())).orElseThrow();
    }

    @Test
    void aLinkAndAPlainSecondStartReachTheRunningOneWhichAnswers() throws Exception {
        List<InstanceListener.Request> heard = new CopyOnWriteArrayList<>();
        try (InstanceListener listener = InstanceListener.listen(socket(), heard::add).orElseThrow()) {
            assertTrue(SecondStart.handOver(socket(), Optional.of("xmpp:alice@example.org?message;body=Hi%20\uD83D\uDE42")));
            assertTrue(SecondStart.handOver(socket(), Optional.empty()));
            assertEquals(List.of(new InstanceListener.Request(Optional.of("xmpp:alice@example.org?message;body=Hi%20\uD83D\uDE42")),
                    new InstanceListener.Request(Optional.empty())), heard);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(socket()),
                    "other users must not reach the socket");
        }
        assertFalse(Files.exists(socket()), "closing removes the socket");
    }

    @Test
    void withNobodyListeningTheStartGoesOnByItself() throws Exception {
        assertFalse(SecondStart.handOver(socket(), Optional.of("xmpp:alice@example.org")), "no socket file");

        // A crashed WellJabber leaves its socket file behind: nobody answers there.
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()));
        assertFalse(SecondStart.handOver(socket(), Optional.of("xmpp:alice@example.org")), "a stale socket file");

        // The next WellJabber to hold the profile replaces the leftover and listens.
        List<InstanceListener.Request> heard = new CopyOnWriteArrayList<>();
        try (InstanceListener listener = InstanceListener.listen(socket(), heard::add).orElseThrow()) {
            assertTrue(SecondStart.handOver(socket(), Optional.empty()));
        }
        assertEquals(1, heard.size());
    }

    @Test
    void anOversizedRequestIsRefusedAndTheListenerKeepsListening() throws Exception {
        List<InstanceListener.Request> heard = new CopyOnWriteArrayList<>();
        try (InstanceListener listener = InstanceListener.listen(socket(), heard::add).orElseThrow()) {
            String huge = "xmpp:alice@example.org?message;body=" + "x".repeat(InstanceSocket.MAX_REQUEST_BYTES);
            assertFalse(SecondStart.handOver(socket(), Optional.of(huge)));
            assertTrue(SecondStart.handOver(socket(), Optional.of("xmpp:bob@example.org")));
        }
        assertEquals(List.of(new InstanceListener.Request(Optional.of("xmpp:bob@example.org"))), heard);
    }

    @Test
    void aProfileTooDeepForASocketAddressHasNone() {
        Path deep = profile.resolve("a".repeat(120));
        assertEquals(Optional.empty(), InstanceSocket.of(ProfilePaths.resolve(Optional.of(deep), java.util.Map.of())));
    }
}
