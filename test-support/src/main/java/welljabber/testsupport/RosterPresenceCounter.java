package welljabber.testsupport;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.RosterListener;
import org.jxmpp.jid.Jid;

/**
 * Counts the presences a raw Smack {@link org.jivesoftware.smack.roster.Roster} has applied
 * ({@code presenceChanged} is called after the roster stored the presence), and remembers when the
 * last one was applied, so a test knows when a {@link welljabber.sandbox.PresenceBurst} has been
 * delivered and a benchmark can time it without a polling delay.
 *
 * <pre>{@code
 * RosterPresenceCounter counter = new RosterPresenceCounter();
 * Roster.getInstanceFor(connection).addRosterListener(counter);
 * burst.send(0);
 * counter.awaitCount(5000, Duration.ofSeconds(60));
 * }</pre>
 */
public final class RosterPresenceCounter implements RosterListener {

    private long count;
    private long lastChangeNanos;
    private long target = Long.MAX_VALUE;

    @Override
    public synchronized void presenceChanged(Presence presence) {
        count++;
        lastChangeNanos = System.nanoTime();
        if (count >= target) {
            notifyAll();
        }
    }

    @Override
    public void entriesAdded(Collection<Jid> addresses) {
        // only presences are counted
    }

    @Override
    public void entriesUpdated(Collection<Jid> addresses) {
        // only presences are counted
    }

    @Override
    public void entriesDeleted(Collection<Jid> addresses) {
        // only presences are counted
    }

    /** Presences applied so far. */
    public synchronized long count() {
        return count;
    }

    /** {@link System#nanoTime()} when the last presence was applied, 0 before the first. */
    public synchronized long lastChangeNanos() {
        return lastChangeNanos;
    }

    /**
     * Waits until at least {@code expected} presences have been applied in total.
     *
     * @return {@link System#nanoTime()} of the presence that reached the count or came after it
     * @throws TimeoutException if fewer have been applied after {@code timeout}
     */
    public synchronized long awaitCount(long expected, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        target = expected;
        try {
            while (count < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("The roster applied " + count + " of " + expected + " presences in "
                            + timeout.toMillis() + " ms");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return lastChangeNanos;
        } finally {
            target = Long.MAX_VALUE;
        }
    }
}
