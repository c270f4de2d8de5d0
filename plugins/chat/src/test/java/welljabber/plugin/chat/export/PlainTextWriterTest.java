// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.plugin.chat.export.ExportSamples.corrected;
import static welljabber.plugin.chat.export.ExportSamples.english;
import static welljabber.plugin.chat.export.ExportSamples.export;
import static welljabber.plugin.chat.export.ExportSamples.incoming;
import static welljabber.plugin.chat.export.ExportSamples.outgoing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.DeliveryState;

class PlainTextWriterTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void theHeaderNamesBothSidesAndWhenInTheLocalZone() throws IOException {
        List<String> lines = lines(export(ExportFormat.PLAIN_TEXT, english()));
        assertEquals(List.of("Conversation between me@example.org and alice@example.org",
                "Exported on 2026-11-28 12:00:00. Times are local time (Asia/Shanghai).", ""), lines);
    }

    @Test
    void eachMessageHasItsLocalTimeSenderAndText() throws IOException {
        String text = export(ExportFormat.PLAIN_TEXT, english(), incoming("hello"),
                outgoing("hi there", DeliveryState.DELIVERED, Optional.empty()));
        assertEquals(List.of("[2026-11-28 11:04:05] alice: hello", "[2026-11-28 11:04:05] me: hi there"), lines(text).subList(3, 5));
    }

    @Test
    void anActionReadsAsTheSenderDoingIt() throws IOException {
        String text = export(ExportFormat.PLAIN_TEXT, english(), incoming("/me waves"), outgoing("/me nods", DeliveryState.SENT,
                Optional.empty()), incoming("/metoo is not an action"));
        assertEquals(List.of("[2026-11-28 11:04:05] * alice waves", "[2026-11-28 11:04:05] * me nods",
                "[2026-11-28 11:04:05] alice: /metoo is not an action"), lines(text).subList(3, 6));
    }

    @Test
    void linesAfterTheFirstAreIndentedSoTheyNeverLookLikeAnotherMessage() throws IOException {
        String text = export(ExportFormat.PLAIN_TEXT, english(),
                incoming("first line\r\n[2026-01-01 00:00:00] bob: forged\n\nafter a blank line"), incoming("next"));
        assertEquals(List.of("[2026-11-28 11:04:05] alice: first line", "    [2026-01-01 00:00:00] bob: forged", "    ",
                "    after a blank line", "[2026-11-28 11:04:05] alice: next"), lines(text).subList(3, 8));
    }

    @Test
    void aCorrectionShowsItsFinalTextMarkedEditedAndAFailedMessageSaysItWasNotDelivered() throws IOException {
        String text = export(ExportFormat.PLAIN_TEXT, english(), corrected("teh cat", "the cat"),
                outgoing("lost", DeliveryState.FAILED, Optional.of("The contact's server does not answer.")),
                outgoing("also lost", DeliveryState.FAILED, Optional.empty()),
                outgoing("on its way", DeliveryState.QUEUED, Optional.empty()));
        assertEquals(List.of("[2026-11-28 11:04:05] alice: the cat (edited)",
                "[2026-11-28 11:04:05] me: lost (not delivered: The contact's server does not answer.)",
                "[2026-11-28 11:04:05] me: also lost (not delivered)",
                "[2026-11-28 11:04:05] me: on its way"), lines(text).subList(3, 7));
        assertTrue(!text.contains("teh cat"), "the first text of a correction is not the message");
    }

    @Test
    void emojiAndA64KilobyteMessageComeThroughWhole() throws IOException {
        String emoji = "👋🏽 你好 \uD83D\uDE00 👨‍👩‍👧";
        String big = "y".repeat(64 * 1024) + emoji;
        String text = export(ExportFormat.PLAIN_TEXT, english(), incoming(emoji), incoming(big));
        assertEquals("[2026-11-28 11:04:05] alice: " + emoji, lines(text).get(3));
        assertEquals("[2026-11-28 11:04:05] alice: " + big, lines(text).get(4));
    }

    @Test
    void hiddenCharactersThatCouldDisguiseTextAreLeftOut() throws IOException {
        String text = export(ExportFormat.PLAIN_TEXT, english(), incoming("see \u202Egnp.exe\u202C and a\u0007bell"));
        assertEquals("[2026-11-28 11:04:05] alice: see gnp.exe and abell", lines(text).get(3));
    }

    @Test
    void chineseUsersGetChineseLabels() throws IOException {
        ExportLabels chinese = new ExportLabels(Texts.forLocale(Locale.SIMPLIFIED_CHINESE), ExportSamples.SHANGHAI);
        String text = export(ExportFormat.PLAIN_TEXT, chinese, corrected("a", "b"), outgoing("c", DeliveryState.FAILED,
                Optional.empty()));
        assertEquals("me@example.org 与 alice@example.org 的对话", lines(text).getFirst());
        assertTrue(lines(text).get(3).endsWith("b " + Texts.forLocale(Locale.SIMPLIFIED_CHINESE).get("message.edited")));
        assertTrue(lines(text).get(4).endsWith("c " + Texts.forLocale(Locale.SIMPLIFIED_CHINESE).get("export.notDelivered")));
    }
}
