package welljabber.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsMeansDefaults() {
        CommandLine line = CommandLine.parse();
        assertEquals(new CommandLine(Optional.empty(), false, Optional.empty(), false), line);
    }

    @Test
    void profileAsSeparateArgument() {
        assertEquals(Optional.of(Path.of("/tmp/wj-profile")), CommandLine.parse("--profile", "/tmp/wj-profile").profile());
    }

    @Test
    void profileWithEqualsSign() {
        assertEquals(Optional.of(Path.of("relative/dir")), CommandLine.parse("--profile=relative/dir").profile());
    }

    @Test
    void profileWithoutValueIsRefused() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--profile"));
        assertTrue(missing.getMessage().startsWith("--profile needs a folder"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--profile", "  "));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--sandbox", "--profile"));
    }

    @Test
    void profileWithEmptyEqualsValueIsRefused() {
        // An empty path would silently make the working directory the profile.
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--profile="));
        assertTrue(empty.getMessage().startsWith("--profile needs a folder"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--profile=  "));
    }

    @Test
    void sandboxFlag() {
        CommandLine line = CommandLine.parse("--sandbox");
        assertTrue(line.sandbox());
        assertFalse(line.help());
        assertFalse(CommandLine.parse().sandbox());
    }

    @Test
    void helpFlagLongAndShort() {
        assertTrue(CommandLine.parse("--help").help());
        assertTrue(CommandLine.parse("-h").help());
        assertFalse(CommandLine.parse("--sandbox").help());
    }

    @Test
    void unknownOptionIsRefusedWithAPlainMessageAndUsage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse("--sandbox", "--frobnicate"));
        String message = unknown.getMessage();
        assertTrue(message.startsWith("Unknown option: --frobnicate"), message);
        assertTrue(message.contains("Usage: welljabber"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void bareWordIsNotMistakenForAnUri() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("romeo@montague.net"));
    }

    @Test
    void launcherNoiseIsIgnored() {
        assertEquals(CommandLine.parse(), CommandLine.parse("-psn_0_12345", "-Dglass.platform=gtk"));
    }

    @Test
    void everythingTogether() {
        CommandLine line = CommandLine.parse("--profile", "p", "--sandbox", "xmpp:romeo@montague.net?message");
        assertEquals(Optional.of(Path.of("p")), line.profile());
        assertTrue(line.sandbox());
        assertEquals("romeo@montague.net", line.uri().orElseThrow().target().toString());
        assertEquals(Optional.of("message"), line.uri().orElseThrow().action());
    }

    @Test
    void uriSchemeIsCaseInsensitive() {
        assertEquals("juliet@capulet.lit", CommandLine.parse("XMPP:juliet@capulet.lit").uri().orElseThrow().target().toString());
    }

    @Test
    void twoUrisAreRefused() {
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse("xmpp:romeo@montague.net", "xmpp:juliet@capulet.lit"));
        assertEquals("Give at most one xmpp: address.", two.getMessage());
    }

    @Test
    void malformedUriOnTheCommandLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("xmpp:"));
    }
}
