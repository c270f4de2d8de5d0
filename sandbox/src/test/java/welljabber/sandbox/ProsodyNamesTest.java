package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProsodyNamesTest {

    @Test
    void lettersAndDigitsStayAsTheyAre() {
        assertEquals("localhost", ProsodyNames.encode("localhost"));
        assertEquals("c00042", ProsodyNames.encode("c00042"));
        assertEquals("Mixed09", ProsodyNames.encode("Mixed09"));
    }

    @Test
    void everythingElseIsEscapedAsLowerCaseHexLikeProsody() {
        assertEquals("a%2eb", ProsodyNames.encode("a.b"));
        assertEquals("first%2dlast", ProsodyNames.encode("first-last"));
        assertEquals("user%5fname", ProsodyNames.encode("user_name"));
        assertEquals("a%20b%2b%25", ProsodyNames.encode("a b+%"));
        assertEquals("conference%2elocalhost", ProsodyNames.encode("conference.localhost"));
    }

    @Test
    void nonAsciiIsEscapedBytewiseInUtf8() {
        assertEquals("j%c3%bcrgen", ProsodyNames.encode("jürgen"));
        assertEquals("%e2%82%ac", ProsodyNames.encode("€"));
    }

    @Test
    void storeNamesKeepUnderscores() {
        assertEquals("muc_log", ProsodyNames.encodeStore("muc_log"));
        assertEquals("a%2eb", ProsodyNames.encodeStore("a.b"));
    }

    @Test
    void storeFileFollowsProsodyLayout() {
        Path data = Path.of("/tmp/x/data");
        assertEquals(data.resolve("localhost/roster/a%2eb.dat"), ProsodyNames.storeFile(data, "localhost", "roster", "a.b"));
        assertEquals(data.resolve("localhost/accounts/alice.dat"), ProsodyNames.storeFile(data, "localhost", "accounts", "Alice"));
    }

    @Test
    void userNamesArePreparedLikeXmppLocalparts() {
        assertEquals("alice", ProsodyNames.normalizeUser("Alice"));
        assertThrows(IllegalArgumentException.class, () -> ProsodyNames.normalizeUser("a@b"));
        assertEquals("bob@localhost", ProsodyNames.normalizeBareJid("Bob@LocalHost"));
    }
}
