// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import welljabber.api.storage.StorageException;
import welljabber.plugin.chat.Texts;

/** What the user is told when an export ends: one plain sentence, never an exception's text. */
final class ExportSentences {
    private final Texts texts;

    ExportSentences(Texts texts) {
        this.texts = texts;
    }

    String exported(int count, Path target) {
        return texts.format("export.done", count, NumberFormat.getIntegerInstance(texts.locale()).format(count), target.toString());
    }

    /** Why nothing was exported to {@code target}, from what {@link ConversationExporter#export} threw. */
    String failed(Exception failure, Path target) {
        String folder = String.valueOf(target.toAbsolutePath().getParent());
        if (failure instanceof StorageException) {
            return texts.get("export.historyFailed");
        }
        if (failure instanceof AccessDeniedException) {
            return texts.format("export.notWritable", folder);
        }
        if (failure instanceof NoSuchFileException || failure instanceof NotDirectoryException
                || reasonContains(failure, "not a directory")) {
            return texts.format("export.folderGone", folder);
        }
        if (failure instanceof IOException
                && (reasonContains(failure, "no space left") || reasonContains(failure, "quota exceeded"))) {
            return texts.format("export.diskFull", folder);
        }
        return texts.format("export.failed", target.toString());
    }

    /**
     * The JDK tells a full disk or quota (ENOSPC, EDQUOT) and a file where a folder should be (ENOTDIR) only
     * in the words of the exception, not by its type.
     */
    private static boolean reasonContains(Exception failure, String words) {
        String reason = failure instanceof FileSystemException fileSystem ? fileSystem.getReason() : failure.getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains(words);
    }
}
