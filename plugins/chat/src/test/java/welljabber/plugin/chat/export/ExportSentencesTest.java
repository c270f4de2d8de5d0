// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import welljabber.api.storage.StorageException;
import welljabber.plugin.chat.Texts;

class ExportSentencesTest {
    private static final Path TARGET = Path.of("/home/me/Documents/alice.txt");
    private final ExportSentences english = new ExportSentences(Texts.forLocale(Locale.ENGLISH));

    @Test
    void howManyMessagesWentWhere() {
        assertEquals("No messages were exported to /home/me/Documents/alice.txt.", english.exported(0, TARGET));
        assertEquals("1 message was exported to /home/me/Documents/alice.txt.", english.exported(1, TARGET));
        assertEquals("10,000 messages were exported to /home/me/Documents/alice.txt.", english.exported(10_000, TARGET));
        assertEquals("已将 10,000 条消息导出到 /home/me/Documents/alice.txt。",
                new ExportSentences(Texts.forLocale(Locale.SIMPLIFIED_CHINESE)).exported(10_000, TARGET));
    }

    @Test
    void eachFailureIsOnePlainSentenceThatSaysWhatToDo() {
        assertEquals("The conversation was not exported: WellJabber is not allowed to write in the folder /home/me/Documents."
                + " Choose another folder.", english.failed(new AccessDeniedException("/home/me/Documents/.welljabber-export-1.part"), TARGET));
        assertEquals("The conversation was not exported: the folder /home/me/Documents does not exist. Choose another folder.",
                english.failed(new NoSuchFileException("/home/me/Documents/.welljabber-export-1.part"), TARGET));
        assertEquals("The conversation was not exported: the folder /home/me/Documents does not exist. Choose another folder.",
                english.failed(new FileSystemException("/home/me/Documents/x", null, "Not a directory"), TARGET));
        assertEquals("The conversation was not exported: the disk holding /home/me/Documents is full."
                + " Free some space or choose another folder, then try again.",
                english.failed(new IOException("No space left on device"), TARGET));
        assertEquals("The conversation was not exported: the disk holding /home/me/Documents is full."
                + " Free some space or choose another folder, then try again.",
                english.failed(new FileSystemException("/home/me/Documents/x", null, "Disk quota exceeded"), TARGET));
        assertEquals("The conversation was not exported: its history could not be read. Check that the disk is working, then try again.",
                english.failed(new StorageException("chat", new SQLException("Table not found")), TARGET));
        assertEquals("The conversation was not exported: /home/me/Documents/alice.txt could not be written."
                + " Check that the disk is working and has free space, then try again.",
                english.failed(new IOException("Input/output error"), TARGET));
    }
}
