package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LuaTextTest {

    @Test
    void plainTextIsJustQuoted() {
        assertEquals("\"Friends\"", LuaText.quote("Friends"));
    }

    @Test
    void quotesBackslashesAndLineBreaksAreEscaped() {
        assertEquals("\"say \\\"hi\\\"\"", LuaText.quote("say \"hi\""));
        assertEquals("\"C:\\\\dir\"", LuaText.quote("C:\\dir"));
        assertEquals("\"a\\nb\\rc\\td\"", LuaText.quote("a\nb\rc\td"));
    }

    @Test
    void controlCharactersUseThreeDigitEscapesSoDigitsCannotJoinThem() {
        assertEquals("\"\\0011\"", LuaText.quote("\u00011"));
        assertEquals("\"\\127\"", LuaText.quote("\u007f"));
    }

    @Test
    void nonAsciiTextIsKept() {
        assertEquals("\"Группа ☕\"", LuaText.quote("Группа ☕"));
    }
}
