// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.DeliveryState;

class CopiedMessagesTest {
    private final CopiedMessages copied = new CopiedMessages(Texts.forLocale(Locale.ENGLISH), ExportSamples.SHANGHAI);

    @Test
    void oneMessageIsItsTextAloneAsShown() {
        assertEquals("two\nlines, see https://example.org", copied.of(List.of(ExportSamples.incoming("two\nlines, see https://example.org")),
                "Me", "Alice"));
        assertEquals("* Alice waves", copied.of(List.of(ExportSamples.incoming("/me waves")), "Me", "Alice"));
        // Hidden characters a peer may send are cleaned as on screen.
        assertEquals("ab", copied.of(List.of(ExportSamples.incoming("a\u202Eb")), "Me", "Alice"));
    }

    @Test
    void severalAreThePlainTextExportsLinesInTheGivenOrder() {
        String text = copied.of(List.of(ExportSamples.incoming("first\nsecond line"), ExportSamples.incoming("/me nods"),
                ExportSamples.outgoing("mine", DeliveryState.FAILED, Optional.of("nobody there"))), "Me", "Alice");
        assertEquals("""
                [2026-11-28 11:04:05] Alice: first
                    second line
                [2026-11-28 11:04:05] * Alice nods
                [2026-11-28 11:04:05] Me: mine (not delivered: nobody there)
                """, text);
    }

    @Test
    void noMessagesIsNoText() {
        assertEquals("", copied.of(List.of(), "Me", "Alice"));
    }
}
