package welljabber.plugin.chat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where a message from the network whose time names only its second goes within that second.
 *
 * <p>Servers stamp what they kept for us in whole seconds (Prosody does, for offline storage and the
 * archive), while a message that comes live gets our clock's milliseconds. Sorted by time alone, a
 * message sent at 12:00:05.8 while we were disconnected ("12:00:05" on its stamp) would show above the
 * one we saw live at 12:00:05.3, though it came after it. What history held when this session started
 * came before anything the server kept for us while we were away, so such a message goes just after
 * the latest of those from its second. Messages stored in this session are left out: one that came
 * live while catching up may well be newer than what the archive brings, and one placed this way has
 * no millisecond of its own to pass on. Within its second it stays: its time is still what the server
 * said, to the second. A page back-filled from the archive is older than the whole conversation and
 * is not placed this way.
 *
 * <p>Only messages that went through the server count: one of ours still waiting in the outbox was
 * typed at a time of our own, which says nothing about where the server's message goes. And only when
 * the session they came in had started before the message's second: a message sent to us in the
 * moment between logging in and the server seeing us available is kept offline too, and if that
 * moment and the messages that then came live share its second, it may well be the older one (seen:
 * the server-restart test's first messages went below the third). A session that began and ended
 * within the message's second therefore places nothing: the message keeps its stamp.
 */
final class PlaceInItsSecond {
    private static final long SECOND = 1000;

    private PlaceInItsSecond() {
    }

    /** Returns {@code at}, or a later instant of the same second. */
    static Instant of(Connection connection, ConversationKey key, Instant at) throws SQLException {
        long millis = at.toEpochMilli();
        if (Math.floorMod(millis, SECOND) != 0) {
            return at; // it has its milliseconds: its time places it
        }
        // Later in the second only: another message stamped to the same second is no better placed than
        // this one, and their order numbers keep them in the order they came. Without a session (history
        // used with no connection) everything stored counts.
        try (PreparedStatement latest = connection.prepareStatement("""
                SELECT MAX(AT_MILLIS) FROM MESSAGE WHERE ACCOUNT = ?1 AND PEER = ?2 AND AT_MILLIS > ?3 AND AT_MILLIS < ?4
                AND STATE IN ('RECEIVED', 'SENT', 'DELIVERED')
                AND ID <= COALESCE((SELECT LAST_ID FROM SESSION_START WHERE ACCOUNT = ?1), 9223372036854775807)
                AND COALESCE((SELECT PREVIOUS_STARTED_MILLIS FROM SESSION_START WHERE ACCOUNT = ?1), 0) <= ?3""")) {
            latest.setString(1, key.account().value());
            latest.setString(2, key.peer().toString());
            latest.setLong(3, millis);
            latest.setLong(4, millis + SECOND);
            try (ResultSet rows = latest.executeQuery()) {
                rows.next();
                long before = rows.getLong(1);
                // Just after it, so its order number cannot put the two the wrong way round.
                return rows.wasNull() ? at : Instant.ofEpochMilli(Math.min(before + 1, millis + SECOND - 1));
            }
        }
    }
}
