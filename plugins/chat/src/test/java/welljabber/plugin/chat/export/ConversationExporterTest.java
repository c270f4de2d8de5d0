// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import welljabber.api.account.AccountId;
import welljabber.api.storage.StorageException;
import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;
import welljabber.plugin.chat.store.WireMessage;
import welljabber.testsupport.storage.H2TestStorage;

/** Exports from a real H2 history file to real files: what lands on disk, and what does not when it fails. */
class ConversationExporterTest {
    private static final int MESSAGES = 10_000;
    private static final AccountId ACCOUNT = new AccountId("acc-1");
    private static final ConversationKey ALICE = new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked("alice@example.org"));
    private static final ConversationKey BOB = new ConversationKey(ACCOUNT, JidCreate.bareFromOrThrowUnchecked("bob@example.org"));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ExportHeader HEADER = new ExportHeader("me@example.org", "alice@example.org", Instant.parse("2026-11-28T10:00:00Z"));

    @TempDir
    Path folder;
    private H2TestStorage storage;
    private MessageStore store;
    private final ExportLabels labels = new ExportLabels(Texts.forLocale(Locale.ENGLISH), ZoneId.of("UTC"));
    private final ExportSentences sentences = new ExportSentences(Texts.forLocale(Locale.ENGLISH));

    private void history(int count) {
        storage = H2TestStorage.file(folder.resolve("db").resolve("history"));
        store = new MessageStore(storage);
        store.migrate();
        for (int i = 0; i < count; i++) {
            // Two messages per second, as an archive stamps them: the order within a second must hold too.
            Instant at = START.plusSeconds(i / 2);
            if (i % 10 == 3) {
                store.insertOutgoing(ALICE, Optional.empty(), body(i), at, "out-" + i);
            } else {
                store.insertWire(new WireMessage(ALICE, false, Optional.of("phone"), body(i), at, Optional.of("in-" + i),
                        Optional.empty(), Optional.empty()));
            }
        }
        store.insertWire(new WireMessage(BOB, false, Optional.empty(), "not alice's", START, Optional.of("bob-1"),
                Optional.empty(), Optional.empty()));
    }

    private static String body(int i) {
        return "message %05d".formatted(i);
    }

    @AfterEach
    void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    private int export(ExportFormat format, Path target) throws IOException {
        return new ConversationExporter(store).export(ALICE, "me", "alice", HEADER, format, labels, target);
    }

    /** What is in the folder besides the database: the export, and nothing half-written. */
    private List<String> filesBesideTheDatabase(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("db")).sorted().toList();
        }
    }

    @Test
    void tenThousandMessagesAsPlainTextEachOnceInOrder() throws IOException {
        history(MESSAGES);
        Path target = folder.resolve("alice.txt");
        assertEquals(MESSAGES, export(ExportFormat.PLAIN_TEXT, target));

        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertEquals("Conversation between me@example.org and alice@example.org", lines.getFirst());
        List<String> messages = lines.subList(3, lines.size());
        assertEquals(MESSAGES, messages.size());
        assertEquals("[2026-01-01 00:00:00] alice: message 00000", messages.getFirst());
        assertEquals("[2026-01-01 00:00:01] me: message 00003", messages.get(3));
        assertEquals("[2026-01-01 01:23:19] alice: message 09999", messages.getLast());
        for (int i = 0; i < MESSAGES; i++) {
            assertTrue(messages.get(i).endsWith(body(i)), "message " + i + " in its place: " + messages.get(i));
        }
        assertEquals(List.of("alice.txt"), filesBesideTheDatabase(folder), "the temporary file is gone");
    }

    @Test
    void tenThousandMessagesAsAWebPageEachOnceInOrder() throws IOException {
        history(MESSAGES);
        Path target = folder.resolve("alice.html");
        assertEquals(MESSAGES, export(ExportFormat.HTML, target));

        String html = Files.readString(target, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.endsWith("</html>\n"));
        assertFalse(html.contains("not alice's"), "only this conversation");
        int from = 0;
        for (int i = 0; i < MESSAGES; i++) {
            int at = html.indexOf("<div class=\"text\">" + body(i) + "</div>", from);
            assertTrue(at > from, "message " + i + " once, after the one before it");
            from = at;
        }
        assertEquals(MESSAGES, html.split("<li class=", -1).length - 1);
        assertEquals(List.of("alice.html"), filesBesideTheDatabase(folder));
    }

    @Test
    void correctionsFailuresAndAnExistingFileAreHandled() throws IOException {
        history(4);
        StoredMessage ours = store.newest(ALICE, 10).stream().filter(StoredMessage::outgoing).findFirst().orElseThrow();
        store.changeState(ours.id(), DeliveryState.FAILED, Optional.of("The contact's server does not answer."));
        store.correct(ALICE, false, "in-0", "message 00000, corrected");
        Path target = folder.resolve("alice.txt");
        Files.writeString(target, "an older export");

        assertEquals(4, export(ExportFormat.PLAIN_TEXT, target));
        List<String> expected = List.of("[2026-01-01 00:00:00] alice: message 00000, corrected (edited)",
                "[2026-01-01 00:00:00] alice: message 00001",
                "[2026-01-01 00:00:01] alice: message 00002",
                "[2026-01-01 00:00:01] me: message 00003 (not delivered: The contact's server does not answer.)");
        assertEquals(expected, Files.readAllLines(target).subList(3, 7));
        assertEquals(7, Files.readAllLines(target).size(), "the older export was replaced, not appended to");
    }

    @Test
    void anEmptyConversationStillMakesAFileThatSaysWhoseItIs() throws IOException {
        history(0);
        Path target = folder.resolve("nobody.html");
        assertEquals(0, new ConversationExporter(store).export(new ConversationKey(ACCOUNT,
                JidCreate.bareFromOrThrowUnchecked("nobody@example.org")), "me", "nobody", HEADER, ExportFormat.HTML, labels, target));
        assertTrue(Files.readString(target).contains("<ol>\n</ol>"));
        assertEquals("No messages were exported to " + target + ".", sentences.exported(0, target));
    }

    @Test
    void aFolderThatIsNotThereGivesASentenceAndNoFile() throws IOException {
        history(5);
        Path target = folder.resolve("gone").resolve("alice.txt");
        IOException failed = assertThrows(IOException.class, () -> export(ExportFormat.PLAIN_TEXT, target));
        assertEquals("The conversation was not exported: the folder " + folder.resolve("gone") + " does not exist. Choose another folder.",
                sentences.failed(failed, target));
        assertEquals(List.of(), filesBesideTheDatabase(folder));
    }

    @Test
    void aFileWhereTheFolderShouldBeGivesASentenceAndLeavesItAlone() throws IOException {
        history(5);
        Path notAFolder = Files.writeString(folder.resolve("notes"), "my notes");
        Path target = notAFolder.resolve("alice.txt");
        IOException failed = assertThrows(IOException.class, () -> export(ExportFormat.PLAIN_TEXT, target));
        assertEquals("The conversation was not exported: the folder " + notAFolder + " does not exist. Choose another folder.",
                sentences.failed(failed, target));
        assertEquals("my notes", Files.readString(notAFolder));
    }

    @Test
    void whenTheFinishedFileCannotTakeTheTargetsPlaceTheTemporaryFileIsRemoved() throws IOException {
        history(5);
        // A folder with something in it has the chosen name: nothing may replace it.
        Path target = Files.createDirectory(folder.resolve("alice.txt"));
        Files.writeString(target.resolve("inside"), "keep");
        IOException failed = assertThrows(IOException.class, () -> export(ExportFormat.PLAIN_TEXT, target));
        assertEquals("The conversation was not exported: " + target + " could not be written."
                + " Check that the disk is working and has free space, then try again.", sentences.failed(failed, target));
        assertEquals(List.of("alice.txt"), filesBesideTheDatabase(folder), "no temporary file left behind");
        assertEquals("keep", Files.readString(target.resolve("inside")));
    }

    @Test
    void whenTheHistoryCannotBeReadTheChosenFileIsUntouchedAndNothingIsLeftBehind() throws IOException {
        history(5);
        Path target = Files.writeString(folder.resolve("alice.html"), "an older export");
        storage.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DROP TABLE MESSAGE CASCADE");
            }
        });
        StorageException failed = assertThrows(StorageException.class, () -> export(ExportFormat.HTML, target));
        assertEquals("The conversation was not exported: its history could not be read. Check that the disk is working, then try again.",
                sentences.failed(failed, target));
        assertEquals("an older export", Files.readString(target));
        assertEquals(List.of("alice.html"), filesBesideTheDatabase(folder));
    }
}
