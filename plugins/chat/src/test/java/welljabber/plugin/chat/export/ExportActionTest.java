// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportActionTest {
    @TempDir
    Path folder;

    @Test
    void aNameWithoutExtensionGetsTheChosenKinds() {
        assertEquals(folder.resolve("alice 2026-11-28.html"), ExportAction.target(folder.resolve("alice 2026-11-28"), ExportFormat.HTML));
        assertEquals(folder.resolve("alice.txt"), ExportAction.target(folder.resolve("alice"), ExportFormat.PLAIN_TEXT));
    }

    @Test
    void aNameWithAnExtensionKeepsIt() {
        assertEquals(folder.resolve("alice.HTM"), ExportAction.target(folder.resolve("alice.HTM"), ExportFormat.PLAIN_TEXT));
        assertEquals(ExportFormat.HTML, ExportFormat.ofFileName("alice.HTM").orElseThrow());
        assertEquals(ExportFormat.PLAIN_TEXT, ExportFormat.ofFileName("alice.txt").orElseThrow());
    }

    @Test
    void anAddedExtensionNeverReplacesAFileTheDialogDidNotAskAbout() throws IOException {
        Files.writeString(folder.resolve("alice.txt"), "keep me");
        Files.writeString(folder.resolve("alice (2).txt"), "keep me too");
        assertEquals(folder.resolve("alice (3).txt"), ExportAction.target(folder.resolve("alice"), ExportFormat.PLAIN_TEXT));
    }
}
