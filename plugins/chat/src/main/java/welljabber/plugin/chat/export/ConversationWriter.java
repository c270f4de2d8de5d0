// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.io.IOException;

/**
 * Writes one export format. Called in order: {@link #begin} once, {@link #message} for each message
 * oldest first, {@link #end} once; nothing is kept between messages, so a conversation of any length
 * streams through.
 */
interface ConversationWriter {
    void begin(ExportHeader header) throws IOException;

    void message(ExportedMessage message) throws IOException;

    void end() throws IOException;
}
