package welljabber.plugin.serverinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import welljabber.api.error.ErrorSentences;

class SoftwareTest {

    @Test
    void nameAndVersionMakeTheStatusBarText() {
        assertEquals("Prosody 0.12.3", Software.of("Prosody", "0.12.3", "Linux").text());
        assertEquals("Prosody", Software.of("Prosody", null, null).text());
        assertEquals("1.0", Software.of(" ", "1.0", null).text());
        assertTrue(Software.of(null, null, null).isEmpty());
    }

    @Test
    void whatTheServerSentIsSanitized() {
        Software software = Software.of("Evil\u202E\nServer", "1.0\u0000", "Linux\r\nrm -rf");
        assertEquals("Evil Server 1.0", software.text());
        assertEquals("Linux rm -rf", software.os());
        String endless = "x".repeat(1000);
        assertTrue(Software.of(endless, "", "").text().length() <= ErrorSentences.MAX_SERVER_TEXT_LENGTH + 1);
    }
}
