// SPDX-License-Identifier: GPL-3.0-or-later
package welljabber.plugin.chat.store;

/**
 * A stretch of one conversation's history in its order (time, then {@code seq}): the messages after
 * ({@code afterAtMillis}, {@code afterSeq}) up to and including ({@code toAtMillis}, {@code toSeq}).
 * Bounds rather than a count, so a message stored while the stretch is read (a back-filled older one)
 * is read with it instead of pushing another out of the page.
 */
public record HistorySpan(long afterAtMillis, long afterSeq, long toAtMillis, long toSeq) {
    /** From the conversation's very first message. */
    static HistorySpan upTo(long toAtMillis, long toSeq) {
        return new HistorySpan(Long.MIN_VALUE, Long.MIN_VALUE, toAtMillis, toSeq);
    }
}
