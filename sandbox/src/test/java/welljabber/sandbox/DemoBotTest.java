package welljabber.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoBotTest {

    @Test
    void replyEchoesTheMessage() {
        assertTrue(DemoBot.reply("  hello there \n").contains("hello there\u201d"));
    }
}
