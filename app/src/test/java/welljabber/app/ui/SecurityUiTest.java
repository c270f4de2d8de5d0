package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;
import welljabber.app.settings.Settings;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.Poll;
import welljabber.testsupport.WithProsody;

/** Direct TLS, the opt-in stanza log, and secrets kept out of logs and the database. */
@WithProsody(accounts = {"me:s3cret-Passw0rd"}, directTls = true)
class SecurityUiTest extends ShellUiTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void directTlsConnectsThroughTheTrustDialog(ProsodyServer server) throws Exception {
        startShell();
        steps.addAccountTrustOnceAndConnect("me@localhost", PASSWORD, server.host(), server.directTlsPort(), TlsMode.DIRECT);
    }

    @Test
    void theStanzaLogRecordsTrafficButNoPasswordAndNeitherDoTheDatabaseOrTheMainLog(ProsodyServer server) throws Exception {
        shell = ShellFixture.newProfile();
        new Settings(shell.paths().settingsFile()).setStanzaLog(true);
        shell.start();
        steps.addAccountTrustOnceAndConnect("me@localhost", PASSWORD, server.host(), server.c2sPort(), TlsMode.REQUIRED);
        // In tests the log goes to one folder for the whole run (see src/test/resources/tinylog.properties).
        Path logs = Path.of(System.getProperty("welljabber.testLogs"));
        Poll.until(Duration.ofSeconds(10), () -> contains(logs, "stanzas", "<presence"), "the stanza log has no presence");
        shell.stop();

        String plainAuth = Base64.getEncoder().encodeToString(("\0me\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : new String[] {PASSWORD, plainAuth}) {
            assertFalse(contains(logs, "", secret), "a log file contains the password");
            assertFalse(contains(shell.profile(), "welljabber.mv.db", secret), "the database contains the password");
        }
        assertTrue(contains(logs, "stanzas", "[redacted]") || !contains(logs, "stanzas", "<auth"),
                "SASL data was logged unredacted");
    }

    private static boolean contains(Path folder, String namePart, String text) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().contains(namePart))
                    .anyMatch(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
