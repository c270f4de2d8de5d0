package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import welljabber.sandbox.ProsodyInstallation;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;
import welljabber.sandbox.ProsodyStartException;

/** What happens when Prosody cannot start: clear exceptions with its log, nothing left behind. */
class ServerFailuresTest {

    @BeforeAll
    static void prosodyIsThere() {
        assertTrue(ProsodyInstallation.isInstalled(), "Prosody is not installed: run " + ProsodyInstallation.INSTALL_HINT);
    }

    @Test
    void aConfigurationErrorIsReportedWithTheEndOfProsodysOutput() {
        ProsodyServer server = new ProsodyServer(ProsodyOptions.builder().plain().muc(false)
                .extraGlobalConfig("this is not lua").startTimeout(Duration.ofSeconds(10)).build());
        ProsodyStartException failure = assertThrows(ProsodyStartException.class, server::start);
        assertTrue(failure.getMessage().contains("exited"), failure.getMessage());
        assertFalse(failure.logTail().isBlank(), "the exception carries Prosody's output");
        assertTrue(failure.logTail().contains("prosody.cfg.lua"), failure.logTail());
        assertThrows(IllegalStateException.class, server::folder, "the folder is gone");
    }

    @Test
    void restartFailsClearlyWhenThePortWasTakenMeanwhileAndWorksOnceItIsFree() throws Exception {
        try (ProsodyServer server = ProsodyOptions.builder().plain().muc(false).account("kim", "kim-secret").start()) {
            Path folder = server.folder();
            int port = server.c2sPort();
            server.kill();
            try (ServerSocket squatter = new ServerSocket()) {
                squatter.setReuseAddress(true);
                squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                ProsodyStartException failure = assertThrows(ProsodyStartException.class, server::restart);
                assertTrue(failure.getMessage().contains(String.valueOf(port)), failure.getMessage());
                assertFalse(server.isRunning());
            }
            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.c2sPort());
            assertTrue(Files.isDirectory(folder));
            server.stop();
            assertFalse(Files.exists(folder), "stop() deletes the folder");
        }
    }
}
