package welljabber.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import welljabber.sandbox.ProsodyInstallation;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;

/** A server whose owner dies without cleaning up ends itself (as after a SIGKILLed test JVM). */
class OwnerWatchdogTest {

    @Test
    void theServerEndsItselfWhenItsOwnerProcessIsGone() throws Exception {
        assertTrue(ProsodyInstallation.isInstalled(), "Prosody is not installed: run " + ProsodyInstallation.INSTALL_HINT);
        Process owner = new ProcessBuilder("sleep", "60").start();
        try (ProsodyServer server = ProsodyOptions.builder().plain().muc(false).ownerPid(owner.pid()).start()) {
            assertTrue(Files.isRegularFile(server.folder().resolve("plugins/mod_welljabber_watchdog.lua")));
            assertTrue(server.isRunning());
            owner.destroyForcibly().waitFor();
            Poll.until(Duration.ofSeconds(5), () -> !server.isRunning(), "the server noticed its owner is gone");
            assertTrue(server.logTail(30).contains("is gone"), server.logTail(30));
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void byDefaultTheOwnerIsThisJvm(@org.junit.jupiter.api.io.TempDir Path unused) {
        try (ProsodyServer server = ProsodyOptions.builder().plain().muc(false).start()) {
            String config = readConfig(server);
            assertTrue(config.contains("welljabber_owner_pid = \"" + ProcessHandle.current().pid() + "\""), config);
        }
    }

    private static String readConfig(ProsodyServer server) {
        try {
            return Files.readString(server.configFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
