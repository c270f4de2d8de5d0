// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A conversation as plain text, one message per paragraph:
 * <pre>
 * [2026-11-28 10:00:00] alice: first line
 *     second line (edited)
 * [2026-11-28 10:01:00] * alice waves
 * </pre>
 * Lines after a message's first are indented, so text that looks like a message line ("[date] name: …")
 * can never pass for another message. Links stay as written.
 */
final class PlainTextWriter implements ConversationWriter {
    private static final String CONTINUATION = "    ";

    private final Writer out;
    private final ExportLabels labels;

    PlainTextWriter(Writer out, ExportLabels labels) {
        this.out = out;
        this.labels = labels;
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        out.write(labels.title(header));
        out.write('\n');
        out.write(labels.exportedAt(header));
        out.write("\n\n");
    }

    @Override
    public void message(ExportedMessage message) throws IOException {
        out.write('[');
        out.write(labels.time(message.at()));
        out.write("] ");
        if (!message.body().action()) {
            out.write(message.sender());
            out.write(": ");
        }
        String text = message.body().text();
        int lineStart = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', lineStart)) {
            out.write(text, lineStart, newline - lineStart);
            out.write('\n');
            out.write(CONTINUATION);
            lineStart = newline + 1;
        }
        out.write(text, lineStart, text.length() - lineStart);
        if (message.edited()) {
            out.write(' ');
            out.write(labels.edited());
        }
        if (message.notDelivered()) {
            out.write(' ');
            out.write(labels.notDelivered(message));
        }
        out.write('\n');
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
