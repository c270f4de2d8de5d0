// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import welljabber.plugin.chat.store.ConversationKey;
import welljabber.plugin.chat.store.HistorySpan;
import welljabber.plugin.chat.store.MessageStore;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * Writes a conversation's whole history to a file, oldest message first, in any {@link ExportFormat}.
 * Blocks on the database and the disk: call it off the FX thread. The history is read a span at a time
 * (a conversation may hold 100,000 messages), and the file is written under a temporary name in the
 * target's folder and moved over the target only once complete, so a failure never leaves part of an
 * export under the name the user chose, nor spoils a file that was there.
 */
public final class ConversationExporter {
    /** Messages read from the database at once: a few hundred keeps memory flat and queries few. */
    static final int SPAN = 500;

    private final MessageStore store;

    public ConversationExporter(MessageStore store) {
        this.store = store;
    }

    /**
     * Exports {@code key}'s history to {@code target} and returns how many messages it holds.
     * {@code ownName} and {@code peerName} are the names the conversation shows for each side.
     *
     * @throws IOException when the file cannot be written; the target is then as it was
     * @throws welljabber.api.storage.StorageException when the history cannot be read; likewise
     */
    public int export(ConversationKey key, String ownName, String peerName, ExportHeader header, ExportFormat format,
            ExportLabels labels, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // Hidden and beside the target: same file system, so the final move is a rename. A fixed short name
        // (not the target's) so a long target name cannot make it too long; readable by the user only.
        Path temporary = Files.createTempFile(folder, ".welljabber-export-", ".part");
        boolean done = false;
        try {
            int count;
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8))) {
                count = write(key, ownName, peerName, header, format.writer(out, labels));
            }
            moveIntoPlace(temporary, target);
            done = true;
            return count;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private int write(ConversationKey key, String ownName, String peerName, ExportHeader header, ConversationWriter writer)
            throws IOException {
        writer.begin(header);
        int count = 0;
        for (HistorySpan span : store.spans(key, SPAN)) {
            for (StoredMessage message : store.inSpan(key, span)) {
                writer.message(ExportedMessage.of(message, ownName, peerName));
                count++;
            }
        }
        writer.end();
        return count;
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
