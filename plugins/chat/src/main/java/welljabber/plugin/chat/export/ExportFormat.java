// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file a conversation can be exported to. */
public enum ExportFormat {
    PLAIN_TEXT("txt"),
    HTML("html");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name ending, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name asks for by its ending ({@code .htm} too), if it names one. */
    public static Optional<ExportFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return Optional.of(PLAIN_TEXT);
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }

    ConversationWriter writer(Writer out, ExportLabels labels) {
        return switch (this) {
            case PLAIN_TEXT -> new PlainTextWriter(out, labels);
            case HTML -> new HtmlWriter(out, labels);
        };
    }
}
