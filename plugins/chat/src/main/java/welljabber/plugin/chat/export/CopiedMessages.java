// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

import welljabber.plugin.chat.Texts;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * What the user copies from a conversation. One message: its text as shown ({@code * name waves} for
 * an action), ready to paste into a reply or elsewhere. Several: the plain-text export's lines, so who
 * wrote what and when travels with the text.
 */
public final class CopiedMessages {
    private final Texts texts;
    private final ZoneId zone;

    public CopiedMessages(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    /** {@code messages} in the order given (the conversation's); empty text for none. */
    public String of(List<StoredMessage> messages, String ownName, String peerName) {
        if (messages.size() == 1) {
            return ExportedMessage.of(messages.getFirst(), ownName, peerName).body().text();
        }
        StringWriter text = new StringWriter();
        PlainTextWriter writer = new PlainTextWriter(text, new ExportLabels(texts, zone));
        try {
            for (StoredMessage message : messages) {
                writer.message(ExportedMessage.of(message, ownName, peerName));
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen); // a StringWriter does not fail
        }
        return text.toString();
    }
}
