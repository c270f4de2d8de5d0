// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ExportFileNameTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    @Test
    void theContactAndTheDay() {
        assertEquals("alice@example.org 2026-11-28", ExportFileName.of("alice@example.org", DAY));
        assertEquals("张三@例子.中国 2026-11-28", ExportFileName.of("张三@例子.中国", DAY));
    }

    @Test
    void charactersAFolderWouldRefuseBecomeUnderscores() {
        assertEquals("a_b_c_d_e_f_g_h_i_j_k_l 2026-11-28", ExportFileName.of("a/b\\c:d*e?f\"g<h>i|j\u0001k\u007fl", DAY));
    }

    @Test
    void theFileIsNeverHidden() {
        assertEquals("_.hidden@example.org 2026-11-28", ExportFileName.of(".hidden@example.org", DAY));
    }

    @Test
    void aLongAddressIsShortenedToAName255BytesCanHoldWithItsExtension() {
        String name = ExportFileName.of("很".repeat(1000) + "@example.org", DAY) + ".html";
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertTrue(name.startsWith("很很很"));
    }
}
