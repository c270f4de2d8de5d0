// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.export;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import welljabber.plugin.chat.render.BodyRenderer;
import welljabber.plugin.chat.render.RenderedBody;
import welljabber.plugin.chat.store.DeliveryState;
import welljabber.plugin.chat.store.StoredMessage;

/**
 * One message as every export format needs it, whatever the format looks like.
 *
 * @param at            when it was written
 * @param sender        the name shown for who wrote it
 * @param outgoing      whether the user wrote it
 * @param body          the final text as the conversation shows it: cleaned of hidden characters, split
 *                      around the links that may open, {@code * name text} for a {@code /me} action
 * @param edited        corrected after sending (XEP-0308); {@code body} is the corrected text
 * @param notDelivered  one of ours that failed
 * @param failureReason for {@code notDelivered}, why, as a plain sentence, when known
 */
public record ExportedMessage(Instant at, String sender, boolean outgoing, RenderedBody body, boolean edited,
        boolean notDelivered, Optional<String> failureReason) {
    public ExportedMessage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(failureReason, "failureReason");
    }

    /** {@code message} with the names the conversation uses for the user and the contact. */
    public static ExportedMessage of(StoredMessage message, String ownName, String peerName) {
        String sender = message.outgoing() ? ownName : peerName;
        boolean failed = message.state() == DeliveryState.FAILED;
        return new ExportedMessage(message.at(), sender, message.outgoing(), BodyRenderer.render(message.body(), sender),
                message.edited(), failed, failed ? message.error().filter(reason -> !reason.isBlank()) : Optional.empty());
    }
}
